import { whyAnswer, whyOrders, type Facts } from "../bots/why.ts";
import { canSee, isState, type GameEvent, type GameState, type GameView, type Order, type Seat, type StateId } from "../engine/index.ts";

/*
 * Bots say why, where a player sees their decisions: an offer a bot makes to the player, a bot's answer to the
 * player's offer, a bot's answer to the player's call for help, China's leverage over the player's state, and a
 * bot seat's orders once they are revealed (resolved). Each becomes a "botReason" event placed after the event it
 * explains, visible to that player only: { seat, why, ...params }, where `why` is a reason id (shared/bots/why.ts)
 * the client words. Facts are taken from the state before the step (what the bot saw when it decided), and only
 * public ones: a state's tracks, the global tracks, the deciding seat's funds.
 */

export const BOT_REASON = "botReason";

/** What a step started from: a game state, or (in an online game's client) the viewer's last view, whose public facts are the same. */
export type Before = Pick<GameState, "countries" | "global"> & { seats: GameState["seats"] | GameView["seats"] };

function factsOf(before: Before, seat: Seat): Facts {
  const funds = Array.isArray(before.seats) ? before.seats.find((s) => s.seat === seat)?.funds : before.seats[seat]?.funds;
  return { countries: before.countries, global: before.global, funds };
}

/**
 * The reasons a step's events call for, as the viewer may read them: a map from each explained event to the
 * reason events that follow it. `before` is the state the step started from; `bots` the seats bots played.
 */
export function botReasons(before: Before, events: GameEvent[], viewer: Seat | "spectator", bots: ReadonlySet<Seat>): Map<GameEvent, GameEvent[]> {
  const out = new Map<GameEvent, GameEvent[]>();
  const add = (e: GameEvent, seat: Seat, why: { id: string; params: Record<string, string | number> }) => {
    const reason: GameEvent = { kind: BOT_REASON, round: e.round, visibleTo: viewer === "spectator" ? "all" : [viewer], params: { ...why.params, seat, why: why.id } };
    out.set(e, [...(out.get(e) ?? []), reason]);
  };
  const me = viewer === "spectator" ? null : viewer;
  const explained = new Set<Seat>();
  for (const e of events) {
    const p = e.params;
    if (e.kind === "offerMade" && me && p.to === me && bots.has(p.from as Seat)) {
      const from = p.from as Seat;
      // An offer's order targets the seat it is made to.
      const order: Order = { action: String(p.action), target: me, ...(p.option ? { option: String(p.option) } : {}) };
      add(e, from, whyOrders(factsOf(before, from), from, [order]));
    } else if (e.kind === "offerAnswered" && me && p.from === me && bots.has(p.to as Seat)) {
      const to = p.to as Seat;
      add(e, to, whyAnswer(factsOf(before, to), to, { kind: "offer", from: me, state: isState(to) ? to : null, order: { action: String(p.action) } }, String(p.answer)));
    } else if ((e.kind === "intervention" || e.kind === "interventionDeclined") && me && p.state === me && bots.has(p.power as Seat)) {
      const power = p.power as Seat;
      add(e, power, whyAnswer(factsOf(before, power), power, { kind: "crisisResponse", from: me, state: me as StateId, order: null }, e.kind === "intervention" ? "intervene" : "decline"));
    } else if (e.kind === "leverage" && me && p.state === me && bots.has("china")) {
      add(e, "china", whyAnswer(factsOf(before, "china"), "china", { kind: "leverage", from: null, state: me as StateId, order: null }, String(p.option)));
    } else if (e.kind === "actionResolved" && bots.has(p.seat as Seat) && p.seat !== me && !explained.has(p.seat as Seat)) {
      // A bot seat's orders, once revealed: one reason per seat and step, told through its first resolved order.
      const seat = p.seat as Seat;
      explained.add(seat);
      const orders: Order[] = events.filter((x) => x.kind === "actionResolved" && x.params.seat === seat)
        .map((x) => ({ action: String(x.params.action), ...(x.params.target ? { target: x.params.target as StateId } : {}) }));
      add(e, seat, whyOrders(factsOf(before, seat), seat, orders));
    }
  }
  return out;
}

/** The reasons a step calls for, looking only at the events the viewer may see (a page's log holds no others). */
export function seenReasons(before: Before, events: GameEvent[], viewer: Seat | "spectator", bots: ReadonlySet<Seat>): Map<GameEvent, GameEvent[]> {
  return botReasons(before, events.filter((e) => canSee(e, viewer)), viewer, bots);
}

/** A step's events with its reasons placed after the events they explain. */
export function withReasons(events: GameEvent[], reasons: Map<GameEvent, GameEvent[]>): GameEvent[] {
  if (reasons.size === 0) return events;
  return events.flatMap((e) => [e, ...(reasons.get(e) ?? [])]);
}

/** One event of a past step with the reasons that follow it. */
export interface StepReasons { step: number; event: GameEvent; reasons: GameEvent[] }

/**
 * The reasons for every step of a game so far, as a page that saw each step arrive would have found them: for a
 * solo game resumed after a refresh, and for a player who comes into an online game, or back to it, mid-game.
 * `states` yields the game after 0, 1, 2… inputs and `events[k]` came with the k-th; `botsAt(k)` is the seats bots
 * played for it.
 */
export function reasonsOfSteps(states: Iterable<GameState>, events: GameEvent[][], viewer: Seat | "spectator", botsAt: (step: number) => ReadonlySet<Seat>): StepReasons[] {
  const out: StepReasons[] = [];
  let before: GameState | null = null;
  let step = 0;
  for (const state of states) {
    if (before) for (const [event, reasons] of seenReasons(before, events[step] ?? [], viewer, botsAt(step))) out.push({ step, event, reasons });
    before = state;
    step += 1;
  }
  return out;
}
