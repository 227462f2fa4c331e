/*
 * Bringing a room up at most once when several processes may be asked for it at the same moment (a class's teacher
 * and students, or a match's players, coming back after a crash through different processes). One process claims
 * the opening for a few seconds (Redis, shared by all); the others wait until the room is live and answer with it.
 * Without the claim two processes would each open a room for the same class or match, and both would write to it.
 */

/** A short claim on opening one thing, shared by every process (Redis); absent when one process serves everything. */
export interface OpeningClaim {
  take(): Promise<boolean>;
  release(): Promise<void>;
}

export interface OpenOnce {
  /** What is opened ("class:CODE", "match:ROOMID"): requests in this process for the same key share one opening. */
  key: string;
  /** The live room's id, wherever it is; null when there is none. */
  live(): Promise<string | null>;
  /** Opens the room here and returns its id (and publishes it, where that is needed). */
  open(): Promise<string>;
  claim?: OpeningClaim | null;
  /** How long a process waits for another's opening, and how often it looks (tests pass their own sleep). */
  waitMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Openings under way in this process, by key. */
const underWay = new Map<string, Promise<string>>();

export function openAcrossProcesses(how: OpenOnce): Promise<string> {
  let pending = underWay.get(how.key);
  if (!pending) {
    pending = openOnce(how).finally(() => underWay.delete(how.key));
    underWay.set(how.key, pending);
  }
  return pending;
}

async function openOnce(how: OpenOnce): Promise<string> {
  const found = await how.live();
  if (found) return found;
  const { claim } = how;
  if (claim && !(await claim.take())) {
    const sleep = how.sleep ?? pause;
    const pollMs = how.pollMs ?? 100;
    const polls = Math.ceil((how.waitMs ?? 15_000) / pollMs);
    for (let i = 0; i < polls; i++) {
      await sleep(pollMs);
      const room = await how.live();
      if (room) return room;
    }
    throw new Error("another process was opening this room and did not finish");
  }
  try {
    // The claim was taken after the look-up above: a process that opened the room and let its claim go in between
    // has already published it, so look once more before opening a second one.
    const opened = claim ? await how.live() : null;
    return opened ?? (await how.open());
  } finally {
    await claim?.release();
  }
}
