import { describe, expect, it } from "vitest";
import { BOTS, playGame } from "../../shared/bots/play.ts";
import { buildDebrief, allEvents } from "../../shared/debrief/build.ts";
import { ID_WORDS, debriefJson, roundsCsv, timelineCsv } from "../../shared/debrief/export.ts";
import { STATES } from "../../shared/engine/index.ts";

function record(seed: number, length: "short" | "standard" = "short") {
  const options = { length };
  const { state, inputs } = playGame(options, seed, BOTS.baseline);
  return { options, seed, inputs, state };
}

describe("debrief", () => {
  it("rebuilds the final scores, winners and per-round series from the record alone", () => {
    const r = record(3);
    const d = buildDebrief(r);
    expect(d.winners).toEqual(r.state.winners);
    expect(d.rounds).toBe(r.state.round);
    for (const line of d.scores) expect(line.score).toBe(r.state.seats[line.seat]!.score);
    expect(d.scores.map((s) => s.standing)).toEqual([...d.scores.map((s) => s.standing)].sort((a, b) => b - a));
    expect(d.scores.filter((s) => s.winner).map((s) => s.seat).sort()).toEqual([...r.state.winners].sort());
    expect(d.series.round).toEqual(r.state.history.map((h) => h.round));
    expect(d.series.tension).toEqual(r.state.history.map((h) => h.tension));
    for (const id of STATES) expect(d.series.debt[id]).toEqual(r.state.history.map((h) => h.states[id].debt));
  });

  it("names a mechanic as played out exactly when its events occurred, with the rounds", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const r = record(seed, "standard");
      const d = buildDebrief(r);
      const { events } = allEvents(r);
      const by = (id: string) => d.mechanics.find((m) => m.id === id)!;
      expect(by("cstoIntervention").happened).toBe(r.state.stats.cstoInterventions > 0);
      expect(by("cstoIntervention").count).toBe(r.state.stats.cstoInterventions);
      expect(by("debtDistress").count).toBe(r.state.stats.debtDistress);
      expect(by("encroachment").count).toBe(r.state.stats.encroachments);
      expect(by("rupture").happened).toBe(r.state.stats.rupture);
      expect(by("bargain").count).toBe(r.state.stats.bargains);
      expect(by("controlledInstability").happened).toBe(r.state.stats.cstoInterventions >= 2);
      expect(by("encroachment").rounds).toEqual([...new Set(events.filter((e) => e.kind === "encroachment").map((e) => e.round))]);
      for (const m of d.mechanics) expect(m.sources.length).toBeGreaterThan(0);
    }
  });

  it("the timeline is the game's events in the order they happened, each with its year, as ids and parameters (no words)", () => {
    const d = buildDebrief(record(6));
    expect(d.timeline[0]!.kind).toBe("roundStarted");
    expect(d.timeline[0]!.params).toEqual({ round: 1, year: d.timeline[0]!.year });
    expect(d.timeline.at(-1)!.kind).toBe("gameEnded");
    for (let i = 1; i < d.timeline.length; i++) expect(d.timeline[i]!.round).toBeGreaterThanOrEqual(d.timeline[i - 1]!.round);
    for (const e of d.timeline) {
      expect(e.year).toBeGreaterThanOrEqual(2016);
      expect(e).not.toHaveProperty("text");
      for (const v of Object.values(e.params)) expect(["string", "number", "boolean"]).toContain(typeof v);
    }
  });

  it("exports the rounds and the timeline as CSV a spreadsheet reads, and the whole as JSON", () => {
    const d = buildDebrief(record(7));
    const rows = roundsCsv(d).trimEnd().split("\r\n");
    expect(rows).toHaveLength(d.series.round.length + 1);
    const width = rows[0]!.split(",").length;
    for (const row of rows.slice(1)) expect(row.split(",")).toHaveLength(width);
    expect(rows[0]).toContain("kyrgyzstan debt");
    const timeline = timelineCsv(d);
    expect(timeline.split("\r\n")[0]).toBe("round,year,event,params");
    expect(timeline.split("\r\n")).toHaveLength(d.timeline.length + 2);
    // Without a language's words an event is its kind and its parameters as JSON, quoted with its quotes doubled.
    const tricky = { ...d, timeline: [{ round: 1, year: 2017, kind: "agendaMet", params: { seat: "russia", agenda: "kazakhstan-first", points: 4 }, private: false }] };
    expect(timelineCsv(tricky).split("\r\n")[1]).toBe('1,2017,agendaMet,"{""seat"":""russia"",""agenda"":""kazakhstan-first"",""points"":4}"');
    // With a language's words: its headers, and a sentence with commas and quotes keeps the record at four fields.
    const words = { ...ID_WORDS, round: "Раунд", year: "Год", event: "Событие", text: "Что произошло", eventKind: () => "Тайная цель", eventText: () => 'Россия: цель "Казахстан прежде всего", выполнена.' };
    expect(timelineCsv(tricky, words).split("\r\n")[0]).toBe("Раунд,Год,Событие,Что произошло");
    expect(timelineCsv(tricky, words).split("\r\n")[1]).toBe('1,2017,Тайная цель,"Россия: цель ""Казахстан прежде всего"", выполнена."');
    expect(roundsCsv(d, { ...words, stability: (id) => `stab:${id}` }).split("\r\n")[0]).toContain("stab:kyrgyzstan");
    expect(JSON.parse(debriefJson(d))).toEqual(JSON.parse(JSON.stringify(d)));
  });
});
