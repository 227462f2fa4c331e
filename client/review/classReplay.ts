import type { GameRecord, Seat } from "../../shared/engine/index.ts";
import { pageOptions } from "../config.ts";
import type { App } from "../screens/types.ts";

/**
 * A finished class game's replay, from the server's record (the same access as its debrief: the class once the
 * game is over, the teacher with the key before). Seen by the public or any team's seat, each team's decisions
 * analysed in the browser's worker.
 */
export async function openClassReplay(root: HTMLElement, base: string, code: string, key: string | undefined, onClose: () => void): Promise<void> {
  const response = await fetch(`${base}/api/class/${encodeURIComponent(code)}/debrief?format=record`, { headers: key ? { "x-teacher-key": key } : {} });
  if (!response.ok) throw new Error(((await response.json().catch(() => ({}))) as { code?: string }).code ?? "request-failed");
  const { record, teams } = (await response.json()) as { record: GameRecord; teams: Seat[] };
  const { openReplay } = await import("./viewer.ts");
  const app: App = { options: pageOptions(), enter: () => undefined, toMenu: onClose };
  openReplay(root, app, { record, seat: null, seats: teams }, onClose);
}
