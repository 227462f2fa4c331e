import { ACTIONS, ACTION_BY_ID, type ActionDef, type Requirement } from "../content/index.ts";
import { STATES, isPower, isState, type Power, type Seat, type StateId } from "./ids.ts";
import { BOUNDS, RULES } from "./rules.ts";
import type { CountryState, GameState, Order } from "./types.ts";
import type { GameView } from "./view.ts";

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

/** A refused input: a code and its parameters, never a sentence (the client words it: refusal.<code> in client/i18n). */
export interface Rejection { ok: false; code: RejectCode; params: Record<string, string | number> }

/** A Belt and Road corridor begun in the state and not yet finished. */
export function unfinishedCorridor(c: CountryState): boolean {
  return c.assets.briCorridor > 0 && c.assets.briCorridor < BOUNDS.briCorridor[1];
}

export function reject(code: RejectCode, params: Record<string, string | number> = {}): Rejection {
  return { ok: false, code, params };
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
    case "unfinishedBri": return unfinishedCorridor(c);
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

/**
 * The verdict on a whole set of orders (a plan): whether it is valid and what budget it leaves.
 * - ok: the engine would take it. code/params: else why not (a RejectCode and its ids and numbers: action, target,
 *   seat, options, max, need, have, resource "ap" | "funds"); index: the order at fault, when one is.
 * - remaining: the seat's action points and funds after paying for every known order of the plan, and how many
 *   more orders it may give (RULES.maxOrders); negative when the plan overspends.
 */
export interface PlanCheck {
  ok: boolean;
  code?: RejectCode;
  params?: Record<string, string | number>;
  index?: number;
  remaining: { actionPoints: number; funds: number; orders: number };
}

/** What a set of orders costs in action points and funds (orders naming no known action cost nothing). */
export function planCost(orders: readonly Order[]): { ap: number; funds: number } {
  let ap = 0;
  let funds = 0;
  for (const order of orders) {
    const def = ACTION_BY_ID.get(order.action);
    if (def) {
      ap += def.ap;
      funds += def.cost;
    }
  }
  return { ap, funds };
}

/** The one rule of a plan: at most RULES.maxOrders orders, each open to the seat now, no two alike, within its action points and funds. */
function planVerdict(budget: { ap: number; funds: number }, seat: Seat, open: (def: ActionDef) => LegalAction | null, orders: readonly Order[]): PlanCheck {
  // Called for every order a bot weighs: no closures, sets or keys built here.
  const { ap, funds: cost } = planCost(orders);
  const remaining = { actionPoints: budget.ap - ap, funds: budget.funds - cost, orders: RULES.maxOrders - orders.length };
  if (orders.length > RULES.maxOrders) return failed("too-many-orders", { max: RULES.maxOrders }, remaining);
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i]!;
    const def = ACTION_BY_ID.get(order.action);
    if (!def) return failed("unknown-action", { action: order.action }, remaining, i);
    const l = open(def);
    if (!l) return failed("not-your-action", { action: def.id, seat }, remaining, i);
    if (def.target === "none") {
      if (order.target !== undefined) return failed("bad-target", { action: def.id, target: order.target }, remaining, i);
    } else if (order.target === undefined || !l.targets.includes(order.target)) {
      return failed("bad-target", { action: def.id, target: order.target ?? "" }, remaining, i);
    }
    if (l.options.length > 0) {
      if (order.option === undefined || !l.options.includes(order.option)) return failed("bad-option", { action: def.id, options: l.options.join(",") }, remaining, i);
    } else if (order.option !== undefined) {
      return failed("bad-option", { action: def.id, options: "" }, remaining, i);
    }
    // Two orders alike: the same action on the same target (whatever their options).
    for (let j = 0; j < i; j++) {
      if (orders[j]!.action === order.action && orders[j]!.target === order.target) return failed("duplicate-order", { action: def.id, target: order.target ?? "" }, remaining, i);
    }
  }
  if (ap > budget.ap) return failed("over-budget", { resource: "ap", need: ap, have: budget.ap, seat }, remaining);
  if (cost > budget.funds) return failed("over-budget", { resource: "funds", need: cost, have: budget.funds, seat }, remaining);
  return { ok: true, remaining };
}

function failed(code: RejectCode, params: Record<string, string | number>, remaining: PlanCheck["remaining"], index?: number): PlanCheck {
  return index === undefined ? { ok: false, code, params, remaining } : { ok: false, code, params, index, remaining };
}

function legalIn(legal: readonly LegalAction[], action: string): LegalAction | null {
  for (let i = 0; i < legal.length; i++) if (legal[i]!.action === action) return legal[i]!;
  return null;
}

/**
 * Checks a plan from a seat's view: the same rule the engine applies when the orders are submitted (checkOrders),
 * with the legal targets and options the view carries. Bots, the orders panel and the message schemas use this and
 * RULES rather than a rule of their own.
 */
export function checkPlan(view: GameView, orders: readonly Order[]): PlanCheck {
  const me = view.viewer === "spectator" || view.viewer === "teacher" ? undefined : view.seats.find((s) => s.seat === view.viewer);
  if (!me) return { ok: false, code: "not-in-game", params: { seat: String(view.viewer) }, remaining: { actionPoints: 0, funds: 0, orders: 0 } };
  const verdict = planVerdict({ ap: me.ap, funds: me.funds }, me.seat, (def) => legalIn(view.legal, def.id), orders);
  if (view.phase === "orders") return verdict;
  return { ok: false, code: view.phase === "ended" ? "already-ended" : "wrong-phase", params: { phase: view.phase }, remaining: verdict.remaining };
}

/** Checks a whole set of orders against the seat's menu and budget; returns a rejection or null. */
export function checkOrders(state: GameState, seat: Seat, orders: readonly Order[]): Rejection | null {
  const s = state.seats[seat];
  if (!s) return reject("not-in-game", { seat });
  // Only the ordered actions are checked: the whole menu is built for views, not for validation.
  const verdict = planVerdict({ ap: s.ap, funds: s.funds }, seat, (def) => (state.phase === "orders" && menuOf(seat).includes(def) ? legalFor(state, seat, def) : null), orders);
  if (verdict.ok) return null;
  // The same code and parameters as checkPlan's verdict: the client words them (refusal.<code>).
  return reject(verdict.code!, verdict.params ?? {});
}
