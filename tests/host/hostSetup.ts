import { decide } from "../../shared/bots/decide.ts";
import type { GameState, Seat } from "../../shared/engine/index.ts";
import type { GameStore, HostDeps, HostSaved, StepEntry } from "../../shared/host/GameHost.ts";
import { FakeClock } from "./fakeClock.ts";

export interface Setup {
  clock: FakeClock;
  store: { entries: StepEntry[]; saved: HostSaved | null; endedWith: GameState | null } & GameStore;
  deps: HostDeps;
  decisions: { count: number };
}

/** Kazakhstan is the human seat; every other seat a baseline bot deciding at once. */
export function setup(over: Partial<HostDeps> = {}, humans: Seat[] = ["kazakhstan"]): Setup {
  const clock = new FakeClock();
  const decisions = { count: 0 };
  const store: Setup["store"] = {
    entries: [], saved: null, endedWith: null,
    append(e) { store.entries.push(e); },
    save(s) { store.saved = JSON.parse(JSON.stringify(s)); },
    ended(state) { store.endedWith = state; },
  };
  const deps: HostDeps = {
    clock, store, graceMs: 60_000,
    decide: async (level, view, seed) => { decisions.count++; return decide(level, view, seed); },
    botLevel: () => "baseline",
    seatedBy: (seat) => (humans.includes(seat) ? "human" : "bot"),
    ...over,
  };
  return { clock, store, deps, decisions };
}

