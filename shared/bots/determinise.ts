import { AGENDAS, ACTION_BY_ID, CARD_BY_ID } from "../content/index.ts";
import { crisisRequestDecision, crisisResponseDecision, leverageDecision } from "../engine/flow.ts";
import { isState, stateFromView, type Decision, type GameState, type GameView, type Order, type Seat } from "../engine/index.ts";
import { legalActions } from "../engine/legal.ts";
import { Rng, seedRng } from "../engine/rng.ts";
import { chooseOrders } from "./baseline.ts";
import { viewFor } from "../engine/view.ts";

/*
 * Information sets. A bot sees only its own GameView; to look ahead with the engine it needs a whole GameState.
 * A determinisation is one plausible state consistent with the view: other seats' secret agendas are drawn from
 * the agendas their seat could hold, their unrevealed orders are guessed with the fast baseline policy, and the
 * engine's dice get a fresh seed (the real RNG state is not in the view).
 */

export function agendaChoices(seat: Seat): string[] {
  return AGENDAS.filter((a) => a.seats.includes(seat) || (isState(seat) && a.seats.includes("states"))).map((a) => a.id);
}

/** The bot's own seat: the viewer of a seat view. */
export function seatOf(view: GameView): Seat {
  if (view.viewer === "spectator" || view.viewer === "teacher") throw new Error("bots play seats only");
  return view.viewer;
}

/** Guessed orders for a seat whose orders the viewer cannot see, drawn with the baseline policy. */
function guessOrders(state: GameState, seat: Seat, rng: Rng): Order[] {
  const phase = state.phase;
  state.phase = "orders"; // the menu exists only in the orders phase; funds are not spent before resolution
  const view = viewFor(state, seat);
  const orders = chooseOrders({ ...view, legal: legalActions(state, seat) }, seat, rng);
  state.phase = phase;
  return orders;
}

/** Weights for drawing some seats' agendas (agendaGuess.ts), where the bot has read them from the board; others are drawn evenly. */
export type AgendaOdds = Partial<Record<Seat, { agenda: string; weight: number }[]>>;

function pickWeighted(rng: Rng, odds: { agenda: string; weight: number }[]): string {
  const total = odds.reduce((n, o) => n + o.weight, 0);
  let x = (rng.int(0, 999_999) / 1_000_000) * total;
  for (const o of odds) if ((x -= o.weight) < 0) return o.agenda;
  return odds[odds.length - 1]!.agenda;
}

/**
 * Rebuilds a full game state from a seat's view with hidden parts sampled from `seed`.
 * The result is a fresh object: the view is never changed. `odds` weight the draw of some seats' agendas.
 */
export function determinise(view: GameView, seed: number, odds: AgendaOdds = {}): GameState {
  const me = seatOf(view);
  const rng = new Rng(seedRng(seed));
  // The engine's own state from the view (the viewer's secrets, nobody else's), then the hidden parts sampled.
  const state = stateFromView(view);
  state.seed = seed;
  for (const p of view.seats) {
    if (p.agenda !== null) continue;
    const weighted = odds[p.seat];
    state.seats[p.seat]!.agenda = weighted ? pickWeighted(rng, weighted) : rng.pick(agendaChoices(p.seat));
  }
  const decisions = state.decisions;
  // Which non-repeatable cards came up in past years is not in the view; this year's are.
  state.deck.drawn = view.news.filter((id) => !CARD_BY_ID.get(id)?.repeatable);
  state.rng = rng.state();
  if (state.phase === "ended") return state;
  // Orders already submitted by others are unknown: guess them. Offers made to this seat reveal some of them;
  // once the orders phase is over, offers between other seats cannot be guessed to any use and are left out.
  const past = state.phase !== "orders";
  for (const seat of state.seatOrder) {
    if (seat === me) continue;
    const s = state.seats[seat]!;
    if (!s.submitted && !past) continue;
    const guessed = guessOrders(state, seat, rng);
    if (!past) {
      s.orders = guessed;
      continue;
    }
    const revealed = decisions.filter((d) => d.kind === "offer" && d.from === seat && d.order).map((d) => d.order!);
    s.orders = [...revealed, ...guessed.filter((o) => !ACTION_BY_ID.get(o.action)?.offer)];
  }
  hiddenDecisions(state, me);
  state.rng = rng.state();
  return state;
}

/**
 * Decisions the viewer cannot see but can infer from public tracks: every state in crisis asks for help, CSTO
 * members most likely ask Russia, and China chooses leverage over every state in debt distress.
 */
function hiddenDecisions(state: GameState, me: Seat): void {
  const add = (d: Omit<Decision, "id" | "answer">) => state.decisions.push({ ...d, id: state.nextDecisionId++, answer: null });
  for (const id of state.seatOrder.filter(isState)) {
    const c = state.countries[id];
    if (state.decisions.some((d) => d.state === id && d.kind !== "offer")) continue;
    // The decisions the engine itself would have opened (flow.ts), guessed where the view hides them.
    if (state.phase === "crisisRequest" && c.crisis && id !== me) {
      add(crisisRequestDecision(state, id));
    } else if (state.phase === "crisisResponse" && c.crisis && c.members.csto && me !== "russia" && id !== me && state.seats.russia) {
      add(crisisResponseDecision(state, id, "csto")!);
    } else if (state.phase === "leverage" && c.debt > c.capacity && me !== "china" && state.seats.china) {
      add(leverageDecision(state, id));
    }
  }
}
