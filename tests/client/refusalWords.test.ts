import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createGame, submitOrders } from "../../shared/engine/index.ts";
import { LANGUAGES, errorText, hasText, refusalText, t, useLanguage } from "../../client/i18n/strings.ts";

/*
 * Refusals are codes and parameters: the engine and the server build no sentence a player reads, and every code they
 * (and the client's connections) can answer with has words in every language.
 */

const root = join(import.meta.dirname, "../..");
function files(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}
const source = (path: string) => readFileSync(join(root, path), "utf8");
/** Where refusals are made: the engine, the game host, the whole server (rooms, routes, the cluster proxy), and the client's connections. */
const MAKERS = [...files("shared/engine"), ...files("shared/host"), ...files("server"), ...files("client/net"), "client/classroom/net.ts"];

function codesIn(text: string): string[] {
  const found = [
    ...text.matchAll(/\b(?:reject|refuse|fail|failed)\(\s*"([a-z][a-z-]*)"/g), ...text.matchAll(/refusedJoin\([\w.]+,\s*"([a-z][a-z-]*)"/g),
    ...text.matchAll(/\{\s*ok:\s*false,\s*code:\s*"([a-z][a-z-]*)"/g), ...text.matchAll(/json\(\{\s*code:\s*"([a-z][a-z-]*)"/g), ...text.matchAll(/\["([a-z][a-z-]*)", "[A-Z]/g), ...text.matchAll(/\bcode:\s*"([a-z][a-z-]*)",\s*params/g),
  ].map((m) => m[1]!);
  return [...new Set(found)];
}

afterAll(() => useLanguage("en"));

describe("refusals", () => {
  // Every code the engine declares (its RejectCode union), and every code the makers' sources name.
  const declared = [...(/export type RejectCode =([^;]+);/.exec(source("shared/engine/legal.ts"))?.[1] ?? "").matchAll(/"([a-z-]+)"/g)].map((m) => m[1]!);
  const codes = [...new Set([...declared, ...MAKERS.flatMap((f) => codesIn(source(f)))])].sort();

  it("the scan finds the refusals the engine and the rooms make", () => {
    for (const c of ["over-budget", "wrong-phase", "bad-answer", "rate-limited", "seat-taken", "not-teacher", "stale", "offline", "rules-changed"]) expect(codes).toContain(c);
  });

  it("no refusal in the engine, the host or the rooms carries a sentence", () => {
    const offenders = MAKERS.filter((f) => !f.startsWith("client/")).flatMap((f) => source(f).split("\n").map((line, i) => ({ f, i, line })))
      .filter(({ line }) => /\b(?:reject|refuse|refusedJoin)\([^)]*,\s*[`"][^`"]*\s[^`"]*[`"]/.test(line) || /\bcode:\s*"[a-z-]+",\s*message:/.test(line))
      .map(({ f, i, line }) => `${f}:${i + 1}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: every refusal code has words, with its parameters filled in`, async () => {
      await useLanguage(lang);
      const other = t("refusal.other");
      const missing = codes.filter((c) => c !== "over-budget" && !hasText(`refusal.${c}`) && !hasText(`refusal.${c}_other`));
      expect(missing).toEqual([]);
      const state = createGame({ length: "short" }, 5);
      const refused = submitOrders(state, "china", [{ action: "bri-loan", target: "kazakhstan" }, { action: "bri-loan", target: "kazakhstan" }]);
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      const text = refusalText(refused);
      expect(text).not.toBe(other);
      expect(text).not.toMatch(/\{\{|bri-loan|kazakhstan/);
      expect(refusalText({ code: "over-budget", params: { resource: "ap", need: 4, have: 3 } })).toMatch(/4.*3/);
      // A join refused by the server reaches the page as "code {params}": it reads in words too.
      expect(errorText(new Error('seat-taken {"seat":"china","by":"kept"}'))).toBe(refusalText({ code: "seat-taken", params: { seat: "china" } }));
      expect(errorText(new Error('seat-taken {"seat":"china","by":"kept"}'))).not.toMatch(/china|seat-taken/);
    });
  }
});
