import type { Connection } from "../../shared/protocol/connection.ts";

/*
 * While the page is open in the background, the browser tells the player when a new phase needs them (the
 * Notification API, once the player has allowed it from "My games"). Words are the caller's (client/i18n).
 */

type NoticeApi = { permission: string; requestPermission(): Promise<string> } & (new (title: string, options?: { body?: string; tag?: string }) => unknown);

function api(): NoticeApi | null {
  return (globalThis as { Notification?: NoticeApi }).Notification ?? null;
}

export function noticesSupported(): boolean {
  return api() !== null;
}

export function noticesAllowed(): boolean {
  return api()?.permission === "granted";
}

/** Asks the browser's permission (must follow a click); true once allowed. */
export async function allowNotices(): Promise<boolean> {
  const n = api();
  if (!n) return false;
  return (await n.requestPermission()) === "granted";
}

/**
 * Watches a connection: each time its view starts to owe an input (a new phase needs the player) while the page is
 * hidden, shows a notice. Returns a function that stops watching.
 */
export function watchTurns(connection: Connection, words: () => { title: string; body: string }): () => void {
  let owed = !!connection.view()?.owes;
  return connection.subscribe(() => {
    const view = connection.view();
    const owes = !!view?.owes && view.phase !== "ended";
    const hidden = (globalThis as { document?: Document }).document?.visibilityState === "hidden";
    if (owes && !owed && hidden && noticesAllowed()) {
      const n = api()!;
      const { title, body } = words();
      new n(title, { body, tag: `ngg-turn-${connection.match().roomId}` });
    }
    owed = owes;
  });
}
