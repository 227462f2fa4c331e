import type { ServerContext } from "../context.ts";
import { keyMatches } from "./store.ts";

export type KeyCheck = "ok" | "rate-limited" | "wrong-key";

/**
 * Every check of a class's teacher key (opening the room over HTTP, the debrief before the game is over, joining
 * the room as teacher) costs the address a token from one budget, right key or wrong, so keys cannot be guessed
 * faster through one door than another. A refusal is logged in one line.
 */
export async function checkTeacherKey(ctx: Pick<ServerContext, "limits" | "refusals">, address: string, key: unknown, keyHash: string): Promise<KeyCheck> {
  if (!(await ctx.limits.take("keyChecks", address))) return "rate-limited";
  const ok = typeof key === "string" && key.length > 0 && key.length <= 128 && keyMatches(key, keyHash);
  if (!ok) ctx.refusals.note("wrong teacher key", address);
  return ok ? "ok" : "wrong-key";
}
