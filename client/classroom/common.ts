import type { ClassNetwork } from "../../shared/protocol/classroom.ts";
import type { MatchState } from "../../shared/protocol/state.ts";
import { h, replace } from "../ui/dom.ts";
import type { Reply } from "../../shared/protocol/messages.ts";
import { errorText, hasText, language, refusalText, t } from "../i18n/strings.ts";
import type { ClassLink } from "./net.ts";
import "./classroom.css";

/** What the classroom pages remember in this browser: the teacher's key stays with the teacher. */
export interface SavedTeacher { code: string; key: string }
export interface SavedStudent { code: string; name: string }

const TEACHER_KEY = "ngg.class.teacher";
const STUDENT_KEY = "ngg.class.student";
const DEVICE_KEY = "ngg.class.device";

/** This browser's rejoin secret for class seats, made once and kept: without it a nickname is not given back. */
function deviceSecret(): string {
  let secret = "";
  try { secret = localStorage.getItem(DEVICE_KEY) ?? ""; } catch { /* storage blocked: a secret for this page only */ }
  if (/^[A-Za-z0-9_-]{16,64}$/.test(secret)) return secret;
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  secret = btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  try { localStorage.setItem(DEVICE_KEY, secret); } catch { /* see above */ }
  return secret;
}

function load<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export const saved = {
  teacher: () => load<SavedTeacher>(TEACHER_KEY),
  setTeacher: (v: SavedTeacher) => localStorage.setItem(TEACHER_KEY, JSON.stringify(v)),
  student: () => load<SavedStudent>(STUDENT_KEY),
  setStudent: (v: SavedStudent) => localStorage.setItem(STUDENT_KEY, JSON.stringify(v)),
  device: deviceSecret,
};

/**
 * How the teacher's buttons send: the screen's last message goes, the request is sent, and a refusal is said in the
 * teacher's words where the screen shows errors. `clear` are other messages of the screen (a success line).
 */
export function teacherRequest(link: ClassLink, error: HTMLElement, clear: readonly HTMLElement[] = []) {
  return async (type: Parameters<ClassLink["request"]>[0], payload: unknown = {}): Promise<Reply> => {
    error.textContent = "";
    for (const el of clear) el.textContent = "";
    const reply = await link.request(type, payload);
    if (!reply.ok) error.textContent = t("errors.refused", { message: refusalText(reply) });
    return reply;
  };
}

/** A refused join in the student's words: the server sends an id (see JOIN_REFUSALS). */
export function joinError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return hasText(`classroom.refusal.${message}`) ? t(`classroom.refusal.${message}`) : errorText(error);
}

/** The join link on this page's own address (what the page can show before it knows better). */
export function joinLinkFor(code: string, base = location.origin): string {
  // It carries the teacher's language: a student's page opens in it, and the student may choose another.
  return `${base}${location.pathname}?class=${encodeURIComponent(code)}&lang=${language()}`;
}

/** Whether this page was opened on this machine's own name, an address no student's device can use. */
export function onLoopback(hostname = location.hostname): boolean {
  return /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i.test(hostname);
}

let network: Promise<ClassNetwork | null> | null = null;

/**
 * The join links students can open, best first: PUBLIC_URL when the server has one; else, when this page is
 * on localhost, the server machine's local-network addresses; else this page's own address.
 */
export async function joinLinks(code: string): Promise<string[]> {
  network ??= fetch(`${serverUrl()}/api/class-network`).then((r) => (r.ok ? (r.json() as Promise<ClassNetwork>) : null)).catch(() => null);
  const known = await network;
  if (known?.publicUrl) return [joinLinkFor(code, known.publicUrl)];
  if (onLoopback() && known && known.lan.length > 0) return known.lan.map((base) => joinLinkFor(code, base));
  return [joinLinkFor(code)];
}

export function serverUrl(): string {
  return location.origin;
}

/** A scrolling page over the (hidden) board canvas. */
export function page(className: string, ...children: (HTMLElement | null)[]): HTMLElement {
  return h("div", { class: `class-page ${className}` }, ...children);
}

export function timeLeft(state: MatchState | null): string {
  if (!state || state.timerEndsAt <= 0) return state?.paused ? t("classroom.paused") : t("classroom.noTimer");
  const s = Math.max(0, Math.round((state.timerEndsAt - Date.now()) / 1000));
  return t("classroom.timer", { time: `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}` });
}

/**
 * The strip every class screen shows on top: connection trouble, the pause, and the teacher's message.
 * Announced politely to screen readers; the pause uses a pattern as well as colour.
 */
export class ClassBanner {
  readonly el = h("div", { class: "class-banner", role: "status", "aria-live": "polite", id: "class-banner" });

  render(link: ClassLink): void {
    const state = link.state();
    const parts: HTMLElement[] = [];
    if (link.status !== "open") {
      const text = link.status === "reconnecting" && link.problem?.code === "not-open" ? t("classroom.status.waitingTeacher") : t(`classroom.status.${link.status}`);
      parts.push(h("p", { class: "class-status", id: "class-status" }, text));
    }
    if (state?.paused) parts.push(h("p", { class: "class-paused", id: "class-paused" }, t("classroom.paused")));
    if (state?.rulesChanged) {
      parts.push(h("p", { class: "class-broadcast", id: "rules-changed", role: "alert" }, t("rulesChanged.message", { round: state.rulesChanged }), " ",
        h("a", { href: `?debrief=${encodeURIComponent(link.creds.code)}`, id: "debrief-link" }, t("classroom.dash.debrief"))));
    }
    if (state?.phase === "ended") parts.push(h("p", { class: "class-broadcast" }, h("a", { href: `?debrief=${encodeURIComponent(link.creds.code)}`, id: "debrief-link" }, t("classroom.dash.debrief"))));
    if (state?.broadcast) parts.push(h("p", { class: "class-broadcast", id: "class-broadcast" }, state.broadcast));
    replace(this.el, ...parts);
    this.el.hidden = parts.length === 0;
  }
}

/** Ticks once a second while mounted (for countdowns); returns the stop function. */
export function everySecond(fn: () => void): () => void {
  const id = setInterval(fn, 1000);
  return () => clearInterval(id);
}
