import { randomInt } from "node:crypto";

/** Join-code letters without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). */
export const CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
export const CODE_LENGTH = 6;

type MaybePromise<T> = T | Promise<T>;

/**
 * Join codes of private matches, each pointing at a room: in this process (`JoinCodes`, answering at once) or
 * shared by several processes through Redis (`RedisCodes`, server/redis.ts, answering with promises).
 */
export interface Codes {
  issue(roomId: string): MaybePromise<string>;
  restore(code: string, roomId: string): MaybePromise<void>;
  lookup(code: string): MaybePromise<string | null>;
  release(code: string): MaybePromise<void>;
}

/** Short join codes for private matches, each pointing at a live room. */
export class JoinCodes implements Codes {
  private byCode = new Map<string, string>();

  issue(roomId: string): string {
    for (;;) {
      let code = "";
      for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
      if (!this.byCode.has(code)) {
        this.byCode.set(code, roomId);
        return code;
      }
    }
  }

  /** A code a match held before a restart, pointing at the same room again. */
  restore(code: string, roomId: string): void {
    this.byCode.set(normaliseCode(code), roomId);
  }

  /** Accepts lower case and stray spaces or dashes, as people type codes. */
  lookup(code: string): string | null {
    return this.byCode.get(normaliseCode(code)) ?? null;
  }

  release(code: string): void {
    this.byCode.delete(code);
  }
}

export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "");
}
