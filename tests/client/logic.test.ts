import { describe, expect, it } from "vitest";
import { parseJoinInput } from "../../client/config.ts";
import { seriesFrom } from "../../client/charts/series.ts";
import { changesBetween } from "../../client/board/changes.ts";
import { applyInput, createGame } from "../../shared/engine/index.ts";
import { eventText, t } from "../../client/i18n/strings.ts";
import { en } from "../../client/i18n/en.ts";
import { matchInfoOf } from "../../client/net/remoteView.ts";
import { MatchState, Member, SeatEntry } from "../../shared/protocol/state.ts";

describe("join input", () => {
  it("takes a code, a join link, or a pasted link inside text", () => {
    expect(parseJoinInput("  HMTCH4 ")).toBe("HMTCH4");
    expect(parseJoinInput("http://127.0.0.1:2567/?join=ABC123")).toBe("ABC123");
    expect(parseJoinInput("join me: https://game.example/?join=XYZ789&x=1")).toBe("XYZ789");
    expect(parseJoinInput("")).toBeNull();
    expect(parseJoinInput("<script>")).toBeNull();
  });
});

describe("strings", () => {
  it("come from the strings module with interpolation", () => {
    expect(t("game.round", { round: 2, max: 6 })).toBe("Round 2 of 6");
    expect(t("seat.west")).toBe(en.seat.west);
  });
  it("render every event of a game as a sentence", () => {
    const state = createGame({ length: "short" }, 3);
    for (const e of state.log) expect(eventText(e)).not.toMatch(/^\w+ \{/);
  });
});

describe("chart series and map changes", () => {
  it("sum influence by power and follow states round by round", () => {
    let state = createGame({ length: "short" }, 11);
    for (let i = 0; i < 200 && state.phase !== "ended"; i++) {
      const step = applyInput(state, { type: "close" });
      if (step.ok) state = step.state;
    }
    expect(state.phase).toBe("ended");
    const s = seriesFrom(state.history);
    expect(s.labels.length).toBe(state.history.length);
    const h0 = state.history[0]!;
    const russia = Object.values(h0.states).reduce((n, st) => n + st.influence.russia, 0);
    expect(s.influence.russia[0]).toBe(russia);
    expect(s.tension).toEqual(state.history.map((h) => h.tension));
  });

  it("describe what changed in a state", () => {
    const a = createGame({}, 1).countries.kyrgyzstan;
    const b = { ...a, stability: a.stability - 2, debt: a.debt + 3, influence: { ...a.influence, china: { ...a.influence.china, economy: a.influence.china.economy + 1 } } };
    const texts = changesBetween(a, b).map((c) => c.text);
    expect(texts).toContain("Stability −2");
    expect(texts).toContain("Debt to China +3");
    expect(texts).toContain("C Influence +1");
    expect(changesBetween(a, a)).toEqual([]);
  });
});

describe("lobby seats", () => {
  it("give each of a seat's players their own id, even two with the same name", () => {
    const state = new MatchState();
    const entry = new SeatEntry();
    entry.controller = "human";
    entry.players.push("Ann", "Ann", "Bo");
    state.seats.set("russia", entry);
    for (const [id, name] of [["s1", "Ann"], ["s2", "Bo"], ["s3", "Ann"]] as const) {
      const m = new Member();
      m.name = name;
      m.seat = "russia";
      state.members.set(id, m);
    }
    const russia = matchInfoOf(state, "room", "s9").seats.find((s) => s.seat === "russia")!;
    expect(russia.playerIds).toEqual(["s1", "s3", "s2"]);
  });
});
