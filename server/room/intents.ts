import { z } from "zod";
import { MAX_MESSAGE_BYTES, Messages, type MessageName, type Refusal } from "../../shared/protocol/messages.ts";

/**
 * Each message schema wrapped so that validation never throws: the room's handler receives either the
 * parsed payload or a refusal with a reason, answers it, and the client stays connected (a failed
 * Colyseus validator would drop a client that used `send` instead of `request`).
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export function refuse(code: string, message: string): Refusal {
  return { ok: false, code, message };
}

function byteSize(raw: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(raw) ?? "");
  } catch {
    return Infinity;
  }
}

export function envelope<K extends MessageName>(name: K) {
  const inner = Messages[name];
  return z.unknown().transform((raw): Parsed<z.output<(typeof Messages)[K]>> => {
    if (byteSize(raw) > MAX_MESSAGE_BYTES) return { ok: false, refusal: refuse("too-big", `Messages may be at most ${MAX_MESSAGE_BYTES} bytes.`) };
    const result = inner.safeParse(raw ?? {});
    if (result.success) return { ok: true, value: result.data as z.output<(typeof Messages)[K]> };
    const issue = result.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join(".")})` : "";
    return { ok: false, refusal: refuse("bad-input", `${name}: ${issue?.message ?? "invalid message"}${where}.`) };
  });
}
