import type { GameRecord } from "../../shared/engine/index.ts";
import type { MadePublic } from "../../shared/protocol/publicReplay.ts";
import { refusalText, t } from "../i18n/strings.ts";
import type { App } from "../screens/types.ts";
import { h } from "../ui/dom.ts";

/*
 * Public replay links (issue 19): the host of a finished online match, or a class's teacher, makes the game's replay
 * public; the link (`?replay=TOKEN`) opens the replay viewer for anyone, in the public view (no seat's agenda until
 * the game's end state shows them all).
 */

export const PUBLIC_REPLAY_TOKEN = /^[A-Za-z0-9_-]{32}$/;

/** The link anyone can open: this page with the token. */
export function publicReplayLink(token: string): string {
  return `${location.origin}${location.pathname}?replay=${token}`;
}

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as T & { code?: string; params?: Record<string, string | number> };
  if (!response.ok) throw new Error(refusalText({ code: body.code ?? "request-failed", params: body.params }));
  return body;
}

/** Asks the server to make a finished game's replay public: an online match with the host's seat ticket, or a class with the teacher's key. */
export async function makePublic(base: string, who: { roomId: string; ticket: string } | { code: string; key: string }): Promise<string> {
  const path = "roomId" in who ? `/api/match/${encodeURIComponent(who.roomId)}/replay/public` : `/api/class/${encodeURIComponent(who.code)}/replay/public`;
  const headers: Record<string, string> = { "content-type": "application/json", ...("roomId" in who ? { "x-seat-ticket": who.ticket } : { "x-teacher-key": who.key }) };
  return (await answer<MadePublic>(await fetch(`${base}${path}`, { method: "POST", headers, body: "{}" }))).token;
}

/**
 * A button that makes the replay public, then shows its link (selected for copying) and what it means.
 * `make` asks the server for the token.
 */
export function publicReplayControl(make: () => Promise<string>): HTMLElement {
  const status = h("p", { class: "status-line", id: "public-replay-status", "aria-live": "polite" });
  const button = h("button", { type: "button", id: "make-replay-public" }, t("review.makePublic"));
  const el = h("div", { class: "public-replay", id: "public-replay" }, button, status);
  button.addEventListener("click", () => {
    button.disabled = true;
    status.textContent = "";
    make().then((token) => {
      const link = h("input", { type: "text", readonly: "readonly", id: "public-replay-link", value: publicReplayLink(token), size: "56", style: "max-width:100%", "aria-label": t("review.publicLink") });
      link.addEventListener("focus", () => link.select());
      button.replaceWith(h("label", { class: "status-line" }, t("review.publicLink"), " ", link));
      status.textContent = t("review.publicExplained");
    }).catch((e: unknown) => {
      button.disabled = false;
      status.textContent = e instanceof Error ? e.message : String(e);
    });
  });
  return el;
}

/** Opens a public replay from its token, in the public view. */
export async function openPublicReplay(root: HTMLElement, app: App, base: string, token: string, onClose: () => void): Promise<void> {
  const { record } = await answer<{ record: GameRecord }>(await fetch(`${base}/api/replay/${encodeURIComponent(token)}`));
  const { openReplay } = await import("./viewer.ts");
  openReplay(root, app, { record, seat: null, seats: [] }, onClose);
}
