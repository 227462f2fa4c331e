import { z } from "zod";
import { MAX_MESSAGE_BYTES, type Reply } from "../../shared/protocol/messages.ts";
import { refuse, type Parsed } from "../room/intents.ts";

/** Like the match room's envelope: validation never throws, so a bad payload is refused and the client stays connected. */
export function classEnvelope<S extends z.ZodType>(name: string, inner: S) {
  return z.unknown().transform((raw): Parsed<z.output<S>> => {
    let size = Infinity;
    try { size = Buffer.byteLength(JSON.stringify(raw) ?? ""); } catch { /* unserialisable: too big */ }
    if (size > MAX_MESSAGE_BYTES) return { ok: false, refusal: refuse("too-big", { max: MAX_MESSAGE_BYTES }) };
    const result = inner.safeParse(raw ?? {});
    if (result.success) return { ok: true, value: result.data };
    const issue = result.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join(".")})` : "";
    return { ok: false, refusal: refuse("bad-input") };
  });
}

export const ACCEPTED: Reply = { ok: true };
export { refuse };
