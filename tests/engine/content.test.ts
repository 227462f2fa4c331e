import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ACTIONS, AGENDAS, ARGUMENTS, ARRANGEMENT_DEFS, CARDS, COUNTRIES, RESPONSES, type Source } from "../../shared/content/index.ts";
import { SEATS, isState } from "../../shared/engine/index.ts";

const seeds = fileURLToPath(new URL("../../shared/seeds/", import.meta.url));
const normalise = (text: string) => text.replace(/\s+/g, " ");
const articles = new Map<string, string>();
function article(file: string): string {
  if (!articles.has(file)) articles.set(file, normalise(readFileSync(seeds + file, "utf8")));
  return articles.get(file)!;
}

const sourced: { where: string; source: Source }[] = [
  ...ACTIONS.map((a) => ({ where: `action ${a.id}`, source: a.source })),
  ...ACTIONS.flatMap((a) => Object.entries(a.optionEffects ?? {}).map(([option, o]) => ({ where: `action ${a.id} (${option})`, source: o.source }))),
  ...CARDS.map((c) => ({ where: `card ${c.id}`, source: c.source })),
  ...AGENDAS.map((a) => ({ where: `agenda ${a.id}`, source: a.source })),
  ...ARRANGEMENT_DEFS.map((a) => ({ where: `arrangement ${a.id}`, source: a.source })),
  ...RESPONSES.crisis.map((r) => ({ where: `crisis response ${r.id}`, source: r.source })),
  ...RESPONSES.leverage.map((r) => ({ where: `leverage ${r.id}`, source: r.source })),
  ...ARGUMENTS.flatMap((a) => a.sources.map((source) => ({ where: `argument ${a.id}`, source }))),
  ...COUNTRIES.flatMap((c) => c.sources.map((s) => ({ where: `${c.id}.${s.field}`, source: s.source }))),
];

describe("content sources", () => {
  it.each(sourced.map((s) => [s.where, s.source] as const))("%s quotes its article word for word", (_where, source) => {
    expect(article(source.file).includes(normalise(source.quote)), `"${source.quote}" not found in ${source.file}`).toBe(true);
  });

  it("every file named exists among the articles", () => {
    const files = new Set(sourced.map((s) => s.source.file));
    expect(files.size).toBe(5);
  });
});

describe("content coverage", () => {
  it("has at least 30 event cards, each era-gated within the game's years", () => {
    expect(CARDS.length).toBeGreaterThanOrEqual(30);
    for (const c of CARDS) expect(c.fromYear).toBeGreaterThanOrEqual(2016);
  });

  it("draws only 2016-era cards in a 2016 game's first year, and more open up with the years", () => {
    const open = (year: number) => CARDS.filter((c) => c.fromYear <= year).length;
    expect(open(2016)).toBeGreaterThanOrEqual(4);
    expect(open(2022)).toBeGreaterThan(open(2016));
    expect(CARDS.some((c) => c.fromYear === 2022)).toBe(true);
  });

  it("offers at least two secret agendas to every seat", () => {
    for (const seat of SEATS) {
      const mine = AGENDAS.filter((a) => a.seats.includes(seat) || (isState(seat) && a.seats.includes("states")));
      expect(mine.length, seat).toBeGreaterThanOrEqual(2);
    }
  });

  it("gives every seat an action menu", () => {
    for (const seat of SEATS) {
      const mine = ACTIONS.filter((a) => a.seats.includes(seat) || (isState(seat) && a.seats.includes("states")));
      expect(mine.length, seat).toBeGreaterThanOrEqual(4);
    }
  });

  it("has the five states with the articles' memberships: Turkmenistan in none, Uzbekistan out of the CSTO", () => {
    const by = Object.fromEntries(COUNTRIES.map((c) => [c.id, c]));
    expect(by.turkmenistan.members).toEqual({ csto: false, eaeu: false, sco: false });
    expect(by.uzbekistan.members.csto).toBe(false);
    expect(by.kazakhstan.members.csto && by.kyrgyzstan.members.csto && by.tajikistan.members.csto).toBe(true);
    expect(by.kyrgyzstan.debt).toBe(17);
  });
});
