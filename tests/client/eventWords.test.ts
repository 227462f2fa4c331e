import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BOTS, playGame } from "../../shared/bots/play.ts";
import { ACTIONS, AGENDAS, ARGUMENTS, CARDS } from "../../shared/content/index.ts";
import { EVENT_KINDS, SEATS, type GameEvent, type GameOptions } from "../../shared/engine/index.ts";
import { allEvents, buildDebrief } from "../../shared/debrief/build.ts";
import { csvWords, timelineCsvText, roundsCsvText } from "../../client/classroom/debriefExport.ts";
import { LANGUAGES, contentText, eventText, hasText, useLanguage } from "../../client/i18n/strings.ts";

/*
 * The engine emits events as ids and parameters; every one reads as a sentence in every language, with no id showing
 * through, and Russian and Kazakh sentences carry no Latin-script word but the few proper nouns written so.
 */

/** Proper nouns Russian and Kazakh write in Latin letters. */
export const LATIN_ALLOWED = ["Huawei", "HQ-9"];
const latinWords = (text: string) => (LATIN_ALLOWED.reduce((s, w) => s.split(w).join(" "), text).match(/[A-Za-z][A-Za-z'-]*/g) ?? []);

const setups: [Partial<GameOptions>, number, "random" | "baseline"][] = [
  [{ length: "standard" }, 11, "random"], [{ length: "short" }, 12, "baseline"], [{ length: "standard", mode: "powers" }, 13, "random"],
  [{ length: "standard" }, 14, "baseline"], [{ length: "standard" }, 15, "random"], [{ length: "short" }, 2, "baseline"],
];
const games = setups.map(([options, seed, bot]) => ({ options, seed, inputs: playGame(options, seed, BOTS[bot]).inputs }));
// Every event of every game, by replaying its record (a state's log keeps only its latest rounds).
const events: GameEvent[] = games.flatMap((g) => allEvents(g).events);
const ids = [...SEATS, ...ACTIONS.map((a) => a.id), ...CARDS.map((c) => c.id), ...AGENDAS.map((a) => a.id)].filter((id) => /[-]|^[a-z]+$/.test(id));
// Ids that are also plain English words cannot be told from them in an English sentence; they are checked in ru and kk.
const ENGLISH_WORDS = new Set(["invest", "develop", "crackdown", "coercion", "refinance", "connectivity", "neutrality", "all-inclusive", "multi-vector"]);

afterAll(() => useLanguage("en"));

describe("content files", () => {
  it("hold data and sources only: no display name or description in shared/content", () => {
    const DISPLAY = ["name", "summary", "title", "text", "description", "argument"];
    for (const file of ["actions", "cards", "agendas", "arrangements", "responses", "arguments"]) {
      const data = JSON.parse(readFileSync(join(import.meta.dirname, `../../shared/content/${file}.json`), "utf8")) as unknown;
      const entries = (Array.isArray(data) ? data : Object.values(data as Record<string, unknown[]>).flat()) as Record<string, unknown>[];
      expect(entries.length).toBeGreaterThan(0);
      for (const e of entries) expect(Object.keys(e).filter((k) => DISPLAY.includes(k)), `${file} ${String(e.id)}`).toEqual([]);
    }
  });
});

describe("event sentences", () => {
  it("the games played here emit every kind the engine declares, and no other", () => {
    const kinds = new Set(events.map((e) => e.kind));
    for (const k of kinds) expect(EVENT_KINDS as readonly string[]).toContain(k);
    // Enough variety to mean something: most kinds occur.
    expect(kinds.size).toBeGreaterThan(EVENT_KINDS.length * 0.7);
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: every event reads as a sentence, no id or placeholder showing${lang === "en" ? "" : ", no Latin word"}`, async () => {
      await useLanguage(lang);
      for (const kind of EVENT_KINDS) expect(hasText(`event.${kind}`) || hasText(`event.${kind}_other`) || hasText(`event.${kind}.plain`) || hasText(`event.${kind}.to`) || hasText(`event.${kind}.rupture_other`) || hasText(`event.${kind}.politics`) || hasText(`event.${kind}.accept`) || kind === "scored", kind).toBe(true);
      const unknown = eventText({ kind: "no-such-kind", round: 1, visibleTo: "all", params: {} });
      const bad: string[] = [];
      for (const e of events) {
        const text = eventText(e);
        if (text === unknown || /\{\{|\$t\(|undefined|NaN/.test(text)) bad.push(`${e.kind}: ${text}`);
        for (const id of ids) if (!(lang === "en" && ENGLISH_WORDS.has(id)) && new RegExp(`(^|[^\\w-])${id}($|[^\\w-])`).test(text)) bad.push(`${e.kind} shows the id ${id}: ${text}`);
        if (lang !== "en" && latinWords(text).length > 0) bad.push(`${e.kind} has Latin words ${latinWords(text).join(" ")}: ${text}`);
      }
      expect(bad.slice(0, 10)).toEqual([]);
    });

    it(`${lang}: the content's names, the debrief's exports and the arguments are in the language`, async () => {
      await useLanguage(lang);
      const texts = [
        ...ACTIONS.flatMap((a) => [contentText("action", a.id, "name"), contentText("action", a.id, "summary")]),
        ...CARDS.flatMap((c) => [contentText("card", c.id, "title"), contentText("card", c.id, "text")]),
        ...AGENDAS.flatMap((a) => [contentText("agenda", a.id, "title"), contentText("agenda", a.id, "description")]),
        ...ARGUMENTS.flatMap((a) => [contentText("argument", a.id, "title"), contentText("argument", a.id, "argument")]),
      ];
      // contentText falls back to the id: no entry may lack its words.
      for (const id of [...ACTIONS, ...CARDS, ...AGENDAS, ...ARGUMENTS].map((x) => x.id)) expect(texts).not.toContain(id);
      const d = buildDebrief(games[5]!);
      const csv = `${roundsCsvText(d)}\n${timelineCsvText(d)}`;
      expect(csv.split("\r\n")[0]).toContain(csvWords().stability("kazakhstan"));
      if (lang !== "en") {
        expect(texts.flatMap(latinWords)).toEqual([]);
        expect(latinWords(csv)).toEqual([]);
      }
    });
  }
});
