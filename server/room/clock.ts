import type { HostClock } from "../../shared/host/GameHost.ts";

/** The process's own clock for the rooms' game hosts: epoch milliseconds (deadlines are sent to clients as such). */
export const serverClock: HostClock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const handle = setTimeout(fn, ms);
    return { clear: () => clearTimeout(handle) };
  },
};
