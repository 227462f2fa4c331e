import { ACTIONS, ACTION_BY_ID, type ActionDef, type Requirement } from "../content/index.ts";
import { STATES, isPower, isState, type Power, type Seat, type StateId } from "./ids.ts";
import { BOUNDS, RULES } from "./rules.ts";
import type { GameState, Order } from "./types.ts";

export interface LegalAction {
  action: string;
  ap: number;
  cost: number;
  /** Legal targets; empty when the action takes none. */
  targets: (StateId | Power)[];
  options: string[];
}

export type RejectCode =
  | "bad-input" | "not-in-game" | "wrong-phase" | "already-ended" | "unknown-action" | "not-your-action"
  | "bad-target" | "bad-option" | "over-budget" | "too-many-orders" | "duplicate-order"
  | "unknown-decision" | "not-your-decision" | "already-answered" | "bad-answer";

export interface Rejection { ok: false; code: RejectCode; message: string }

export function reject(code: RejectCode, message: string): Rejection {
  return { ok: false, code, message };
}

const menus = new Map<Seat, ActionDef[]>();

/** The seat's whole action menu, before any condition of the moment. */
function menuOf(seat: Seat): ActionDef[] {
  let menu = menus.get(seat);
  if (!menu) {
    menu = ACTIONS.filter((a) => a.seats.includes(seat) || (isState(seat) && a.seats.includes("states")));
    menus.set(seat, menu);
  }
  return menu;
}

const GAS: readonly StateId[] = ["turkmenistan", "uzbekistan", "kazakhstan"];

function meets(state: GameState, req: Requirement, target: StateId, seat: Seat): boolean {
  const c = state.countries[target];
  switch (req) {
    case "notCsto": return !c.members.csto;
    case "csto": return c.members.csto;
    case "notEaeu": return !c.members.eaeu;
    case "notSco": return !c.members.sco;
    case "sco": return c.members.sco;
    case "afghanBorder": return target === "tajikistan" || target === "uzbekistan" || target === "turkmenistan";
    case "xinjiangBorder": return target === "kazakhstan" || target === "kyrgyzstan" || target === "tajikistan";
    case "gas": return GAS.includes(target);
    case "hasDebt": return c.debt > 0;
    case "distress": return c.distress;
    // A corridor already built cannot be shelved, only one still under way.
    case "unfinishedBri": return c.assets.briCorridor > 0 && c.assets.briCorridor < BOUNDS.briCorridor[1];
    // Russia's economic pressure works through states whose workers depend on Russia (001: "the status of migrants").
    case "migrantLeverage": return c.remittances >= RULES.remittanceDependence;
    case "crisis": return c.crisis !== null;
    case "notNeutral": return target !== "turkmenistan";
    case "russianBase": return c.assets.russianBases > 0;
    case "otherState": return target !== seat;
  }
}

function targetsFor(state: GameState, action: ActionDef, seat: Seat): (StateId | Power)[] {
  if (action.target === "none") return [];
  if (action.target === "power") {
    if (action.special === "bargain") return (["russia", "china"] as const).filter((p) => p !== seat && state.seats[p]);
    return (action.options ?? []).filter((p): p is Power => isPower(p) && p !== seat && !!state.seats[p]);
  }
  return STATES.filter((t) => action.requires.every((r) => meets(state, r, t, seat)));
}

function optionsFor(state: GameState, action: ActionDef, seat: Seat): string[] {
  if (action.special === "bargain") return (action.options ?? []).filter((o) => o !== state.global.division);
  if (action.special === "leaveOrg" && isState(seat)) return (action.options ?? []).filter((o) => state.countries[seat].members[o as "csto"]);
  if (action.special === "seekRefinancing") return [];
  return action.options ?? [];
}

/** One action of the seat's menu as it stands now, or null when it cannot be ordered at all. */
function legalFor(state: GameState, seat: Seat, action: ActionDef): LegalAction | null {
  const targets = targetsFor(state, action, seat);
  if (action.target !== "none" && targets.length === 0) return null;
  const options = optionsFor(state, action, seat);
  if (action.options && action.special !== "seekRefinancing" && options.length === 0) return null;
  if (action.special === "seekRefinancing" && (!isState(seat) || state.countries[seat].debt === 0)) return null;
  return { action: action.id, ap: action.ap, cost: action.cost, targets, options };
}

/** Every action the seat could order now, with its legal targets and options. */
export function legalActions(state: GameState, seat: Seat): LegalAction[] {
  if (state.phase !== "orders" || !state.seats[seat]) return [];
  const out: LegalAction[] = [];
  for (const action of menuOf(seat)) {
    const legal = legalFor(state, seat, action);
    if (legal) out.push(legal);
  }
  return out;
}

/** Checks a whole set of orders against the seat's menu and budget; returns a rejection or null. */
export function checkOrders(state: GameState, seat: Seat, orders: readonly Order[]): Rejection | null {
  const s = state.seats[seat];
  if (!s) return reject("not-in-game", `${seat} is not a seat in this game.`);
  if (orders.length > RULES.maxOrders) return reject("too-many-orders", `At most ${RULES.maxOrders} orders a round.`);
  let ap = 0;
  let cost = 0;
  const seen = new Set<string>();
  for (const order of orders) {
    const def = ACTION_BY_ID.get(order.action);
    if (!def) return reject("unknown-action", `There is no action "${order.action}".`);
    // Only the ordered actions are checked: the whole menu is built for views, not for validation.
    const l = state.phase === "orders" && menuOf(seat).includes(def) ? legalFor(state, seat, def) : null;
    if (!l) return reject("not-your-action", `${def.name} is not open to ${seat} now.`);
    if (def.target === "none") {
      if (order.target !== undefined) return reject("bad-target", `${def.name} takes no target.`);
    } else if (order.target === undefined || !l.targets.includes(order.target)) {
      return reject("bad-target", `${def.name} cannot target ${order.target ?? "nothing"}.`);
    }
    if (l.options.length > 0) {
      if (order.option === undefined || !l.options.includes(order.option)) return reject("bad-option", `${def.name} needs one of: ${l.options.join(", ")}.`);
    } else if (order.option !== undefined) {
      return reject("bad-option", `${def.name} takes no option.`);
    }
    const key = `${order.action}|${order.target ?? ""}`;
    if (seen.has(key)) return reject("duplicate-order", `${def.name} is ordered twice on the same target.`);
    seen.add(key);
    ap += def.ap;
    cost += def.cost;
  }
  if (ap > s.ap) return reject("over-budget", `These orders need ${ap} action points; ${seat} has ${s.ap}.`);
  if (cost > s.funds) return reject("over-budget", `These orders cost ${cost}; ${seat} has ${s.funds} in funds.`);
  return null;
}
