import { canSee } from "./events.ts";
import type { Seat } from "./ids.ts";
import { legalActions, type LegalAction } from "./legal.ts";
import { pendingSeats } from "./pending.ts";
import type { Decision, GameEvent, GameState, Order, SeatState } from "./types.ts";

export type Viewer = Seat | "spectator" | "teacher";

export interface PublicSeat {
  seat: Seat;
  controller: SeatState["controller"];
  funds: number;
  income: number;
  ap: number;
  score: number;
  submitted: boolean;
  /** Only for the seat itself, a teacher, or everyone once the game is over. */
  agenda: string | null;
  /** Only for the seat itself or a teacher. */
  orders: Order[] | null;
}

export interface GameView {
  viewer: Viewer;
  round: number;
  maxRounds: number;
  phase: GameState["phase"];
  options: GameState["options"];
  global: GameState["global"];
  countries: GameState["countries"];
  seats: PublicSeat[];
  news: string[];
  /** Decisions this viewer must answer or has asked for. */
  decisions: Decision[];
  /** Whether this viewer owes an input before the phase can close. */
  owes: boolean;
  legal: LegalAction[];
  log: GameEvent[];
  history: GameState["history"];
  stats: GameState["stats"];
  winners: Seat[];
  endReason: GameState["endReason"];
}

/** What one seat (or a spectator, or a teacher) may see of the game. Plain data, safe to send; treat it as read-only. */
export function viewFor(state: GameState, viewer: Viewer): GameView {
  const ended = state.phase === "ended";
  const sees = (seat: Seat) => viewer === "teacher" || viewer === seat;
  const seats = state.seatOrder.map((seat): PublicSeat => {
    const s = state.seats[seat]!;
    return {
      seat, controller: s.controller, funds: s.funds, income: s.income, ap: s.ap, score: s.score, submitted: s.submitted,
      agenda: sees(seat) || ended ? s.agenda : null,
      orders: sees(seat) ? s.orders.map((o) => ({ ...o })) : null,
    };
  });
  const decisions = state.decisions
    .filter((d) => viewer === "teacher" || d.seat === viewer || d.from === viewer)
    .map((d) => ({ ...d, order: d.order ? { ...d.order } : null, options: [...d.options] }));
  const isSeat = viewer !== "spectator" && viewer !== "teacher";
  return {
    viewer,
    round: state.round,
    maxRounds: state.maxRounds,
    phase: state.phase,
    options: { ...state.options, seats: { ...state.options.seats } },
    global: { ...state.global },
    // Shared, not copied: a state is never changed once a step has returned it, and views are read-only.
    countries: state.countries,
    seats,
    news: [...state.deck.news],
    decisions,
    owes: isSeat && pendingSeats(state).includes(viewer),
    legal: isSeat ? legalActions(state, viewer) : [],
    log: state.log.filter((e) => canSee(e, viewer)),
    history: state.history,
    stats: { ...state.stats },
    winners: [...state.winners],
    endReason: state.endReason,
  };
}
