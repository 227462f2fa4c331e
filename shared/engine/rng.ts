import { xoroshiro128plusFromState, xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { uniformInt } from "pure-rand/distribution/uniformInt";

/** The RNG state is plain numbers kept inside the game state, so a saved game resumes with the same draws. */
export type RngState = number[];

export function seedRng(seed: number): RngState {
  return [...xoroshiro128plus(seed >>> 0).getState()];
}

/** The chance `Rng.chance(p)` actually gives: p resolved in thousandths. */
export function drawnChance(p: number): number {
  return Math.max(0, Math.min(1000, Math.round(p * 1000))) / 1000;
}

/** A draw session: read the state once, draw many times, write it back once. */
export class Rng {
  private gen;
  constructor(state: RngState) {
    this.gen = xoroshiro128plusFromState(state);
  }
  int(from: number, to: number): number {
    return uniformInt(this.gen, from, to);
  }
  /** True with probability p (0..1), resolved in thousandths so results are exact integers. */
  chance(p: number): boolean {
    return this.int(0, 999) < Math.round(p * 1000);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
  state(): RngState {
    return [...this.gen.getState()];
  }
}
