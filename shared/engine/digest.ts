import type { GameState } from "./types.ts";

/*
 * A fast, stable fingerprint of a game state, kept with each step of a record so that a replay under other
 * rules is caught at the first step where it takes another course. Two 32-bit multiplicative hashes over a
 * walk of the state, keys in the order the engine builds them (sorting them tripled the cost; a state read back
 * from JSON keeps its order, so only a change to the engine's code can reorder them, and a replay under changed
 * code is exactly what the digest is there to question). The chart history grows every round and is never changed once written, so
 * only its length and its newest snapshot are hashed: every older snapshot was the newest at an earlier
 * step, whose digest covered it then.
 */

const textCodes = new Map<string, number>();

class Hasher {
  a = 0x811c9dc5;
  b = 0x01000193;

  int(n: number): void {
    this.a = Math.imul(this.a ^ n, 0x01000193);
    this.b = Math.imul(this.b ^ n, 0x5bd1e995) ^ (this.b >>> 15);
  }

  text(s: string): void {
    let code = textCodes.get(s);
    if (code === undefined) {
      code = s.length + 0x9e37;
      for (let i = 0; i < s.length; i++) code = Math.imul(code ^ s.charCodeAt(i), 0x01000193) ^ (code >>> 13);
      // Ids and keys repeat at every step: each is hashed once (the cache is bounded, for long-running servers).
      if (textCodes.size < 20_000) textCodes.set(s, code);
    }
    this.int(code);
  }

  value(v: unknown): void {
    switch (typeof v) {
      case "number":
        if (Number.isInteger(v) && v >= -0x80000000 && v <= 0x7fffffff) {
          this.int(1);
          this.int(v);
        } else {
          this.int(2);
          this.text(String(v));
        }
        return;
      case "string": this.int(3); this.text(v); return;
      case "boolean": this.int(v ? 4 : 5); return;
      case "undefined": this.int(6); return;
      case "object":
        if (v === null) { this.int(7); return; }
        if (Array.isArray(v)) {
          this.int(8);
          this.int(v.length);
          for (const item of v) this.value(item);
          return;
        }
        this.object(v as Record<string, unknown>);
        return;
      default:
        throw new Error(`a game state holds no ${typeof v}`);
    }
  }

  object(o: Record<string, unknown>, skip?: string): void {
    const keys = Object.keys(o);
    this.int(9);
    for (const key of keys) {
      if (key === skip || o[key] === undefined) continue;
      this.text(key);
      this.value(o[key]);
    }
  }

  hex(): string {
    return (this.a >>> 0).toString(16).padStart(8, "0") + (this.b >>> 0).toString(16).padStart(8, "0");
  }
}

/** The digest of a state: 16 hex digits. Equal states (as JSON would compare them) have equal digests. */
export function digestState(state: GameState): string {
  const h = new Hasher();
  h.object(state as unknown as Record<string, unknown>, "history");
  h.text("history");
  h.int(state.history.length);
  h.value(state.history[state.history.length - 1] ?? null);
  return h.hex();
}

/** A digest of any plain data (JSON-like), in the same way: used for the rules version. */
export function digestData(data: unknown): string {
  const h = new Hasher();
  h.value(data);
  return h.hex();
}
