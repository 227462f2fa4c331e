/*
 * When a room sends its state's changes. Colyseus sends them on a fixed tick, which costs every room its tick
 * whether anything changed or not (at 1,000 rooms ten ticks a second were about a third of the server's CPU under
 * people's pace). A turn-based room changes when someone acts or the game moves: the room asks for a patch then
 * (`soon`), sent within a few milliseconds with whatever else changed meanwhile, and keeps a slow tick as a net for
 * any change not asked for (a change then reaches the clients at most SAFETY_PATCH_MS later).
 */

/** The rooms' own tick (their `patchRate`): the net under the patches they ask for. */
export const SAFETY_PATCH_MS = 500;
/** How long an asked-for patch waits for other changes to go with it. */
const GATHER_MS = 10;

/** A function a room calls after changing its state: one patch, sent GATHER_MS later, however often it is called. */
export function promptPatches(room: { broadcastPatch(): unknown }): () => void {
  let queued: ReturnType<typeof setTimeout> | null = null;
  return () => {
    if (queued) return;
    queued = setTimeout(() => {
      queued = null;
      room.broadcastPatch();
    }, GATHER_MS);
  };
}
