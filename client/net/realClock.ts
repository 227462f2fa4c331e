import type { HostClock } from "../../shared/host/GameHost.ts";

/** The page's own clock, for a game host running in the browser. */
export const pageClock: HostClock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const handle = setTimeout(fn, ms);
    return { clear: () => clearTimeout(handle) };
  },
};
