import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import { uniformInt } from "pure-rand/distribution/uniformInt";

/** The RNG state is plain numbers kept inside the game state, so a saved game resumes with the same draws. */
export type RngState = number[];

/**
 * The generator's 128-bit state from a 32-bit seed, each word a splitmix32 output. pure-rand's own
 * `xoroshiro128plus(seed)` puts the seed in the state almost as it is, so its first draws follow the seed: games on
 * consecutive seeds dealt Russia's three agendas in turn, and blocks of seeds dealt the other seats unevenly.
 */
export function seedRng(seed: number): RngState {
  let x = seed >>> 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    words.push((z ^ (z >>> 16)) | 0);
  }
  if (!words.some((w) => w !== 0)) words[0] = 1;
  return [...xoroshiro128plusFromState(words).getState()];
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
