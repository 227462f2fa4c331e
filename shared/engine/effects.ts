import type { Effect, StateSelector } from "../content/schema.ts";
import { STATES, XINJIANG_BORDER, isState, type Seat, type StateId } from "./ids.ts";
import { BOUNDS, RULES } from "./rules.ts";
import type { GameState } from "./types.ts";

export function clamp(value: number, [lo, hi]: readonly [number, number]): number {
  return value < lo ? lo : value > hi ? hi : value;
}

/** Who an effect is about: the seat that acted and the state or seat it aimed at. */
export interface EffectContext {
  actor: Seat | null;
  target: StateId | Seat | null;
}

const AFGHAN_BORDER: readonly StateId[] = ["tajikistan", "uzbekistan", "turkmenistan"];

export function selectStates(state: GameState, selector: StateSelector, ctx: EffectContext): StateId[] {
  switch (selector) {
    case "target":
      return ctx.target && isState(ctx.target) ? [ctx.target] : [];
    case "actor":
      return ctx.actor && isState(ctx.actor) ? [ctx.actor] : [];
    case "all":
      return [...STATES];
    case "csto":
    case "eaeu":
    case "sco":
      return STATES.filter((s) => state.countries[s].members[selector]);
    case "xinjiangBorder":
      return [...XINJIANG_BORDER];
    case "afghanBorder":
      return [...AFGHAN_BORDER];
    default:
      return [selector];
  }
}

function resolveSeat(ref: Seat | "actor" | "target", ctx: EffectContext): Seat | null {
  if (ref === "actor") return ctx.actor;
  if (ref === "target") return (ctx.target as Seat | null) ?? null;
  return ref;
}

/** Applies one content effect to the state in place, keeping every track inside its bounds. */
export function applyEffect(state: GameState, effect: Effect, ctx: EffectContext): void {
  switch (effect.kind) {
    case "track":
      for (const id of selectStates(state, effect.states, ctx)) {
        const c = state.countries[id];
        c[effect.track] = clamp(c[effect.track] + effect.delta, BOUNDS[effect.track]);
      }
      return;
    case "influence":
      for (const id of selectStates(state, effect.states, ctx)) {
        const inf = state.countries[id].influence[effect.power];
        inf[effect.domain] = clamp(inf[effect.domain] + effect.delta, BOUNDS.influence);
      }
      return;
    case "opinion":
      for (const id of selectStates(state, effect.states, ctx)) {
        const op = state.countries[id].opinion;
        op[effect.of] = clamp(op[effect.of] + effect.delta, BOUNDS.opinion);
      }
      return;
    case "asset":
      for (const id of selectStates(state, effect.states, ctx)) {
        const assets = state.countries[id].assets;
        const bounds = effect.asset === "briCorridor" ? BOUNDS.briCorridor : BOUNDS.asset;
        assets[effect.asset] = clamp(assets[effect.asset] + effect.delta, bounds);
      }
      return;
    case "member":
      for (const id of selectStates(state, effect.states, ctx)) state.countries[id].members[effect.org] = effect.value;
      return;
    case "global":
      state.global[effect.track] = clamp(state.global[effect.track] + effect.delta, BOUNDS[effect.track]);
      return;
    case "funds":
    case "income": {
      const seat = resolveSeat(effect.seat, ctx);
      const s = seat ? state.seats[seat] : undefined;
      if (!s) return;
      if (effect.kind === "funds") s.funds = clamp(s.funds + effect.delta, BOUNDS.funds);
      else s.income = clamp(s.income + effect.delta, BOUNDS.income);
      return;
    }
    case "crisis":
      for (const id of selectStates(state, effect.states, ctx)) {
        const c = state.countries[id];
        c.crisis = effect.crisis;
        c.stability = Math.min(c.stability, RULES.crisisAt);
      }
      return;
  }
}

export function applyEffects(state: GameState, effects: readonly Effect[], ctx: EffectContext): void {
  for (const e of effects) applyEffect(state, e, ctx);
}
