/** Small figures the benches share. */

/** The value at percentile `p` (0–100) of numbers sorted ascending; 0 for none. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const round2 = (n: number) => Math.round(n * 100) / 100;
