/**
 * The seeds a test server deals its games: fixed, so a test that fails replays exactly. TEST_SEED moves the first
 * one, to try a test against other games (`TEST_SEED=500 npx vitest run tests/server`).
 */
export function testSeeds(): () => number {
  let next = Number(process.env.TEST_SEED ?? 1);
  return () => next++;
}
