import QRCode from "qrcode";
import { h, replace } from "../ui/dom.ts";
import { t } from "../i18n/strings.ts";
import { roundLine, seatsTable } from "./seatsTable.ts";
import { mountClassEnd, mountClassGame } from "./board.ts";
import { ClassBanner, everySecond, joinLinkFor, joinLinks, page, timeLeft } from "./common.ts";
import type { ClassLink } from "./net.ts";

/**
 * The projector. Before the game: a large join code, the link and its QR code, and the teams. Once the
 * game runs: the game screen as a spectator sees it (map, tracks, news, event feed, seats and log),
 * with the join code and QR beside it while joining is open, the timer, and the teacher's message over
 * the map. It joins as the projector, so it holds public information only.
 */
export function projectorScreen(root: HTMLElement, link: ClassLink): () => void {
  let mode: "lobby" | "game" | "end" | null = null;
  let unmount: () => void = () => {};
  function route(): void {
    const state = link.state();
    const next = state?.started && link.current?.game.view() ? (state.phase === "ended" ? "end" : "game") : "lobby";
    if (next === mode) return;
    unmount();
    mode = next;
    unmount = next === "game" ? projectorGame(root, link) : next === "end" ? mountClassEnd(root, link) : projectorLobby(root, link);
  }
  const unsubscribe = link.subscribe(route);
  route();
  return () => { unsubscribe(); unmount(); };
}

function qrCanvas(url: string, size: number): HTMLCanvasElement {
  const qr = h("canvas", { class: "qr", id: "join-qr", role: "img" });
  drawQr(qr, url, size);
  return qr;
}

function drawQr(qr: HTMLCanvasElement, url: string, size: number): void {
  qr.setAttribute("aria-label", `${t("classroom.projector.scan")}: ${url}`);
  qr.dataset.url = url;
  void QRCode.toCanvas(qr, url, { width: size, margin: 1 }).catch(() => undefined);
}

/** Once the server says where students can reach it, the link and QR code show that address instead of this page's. */
function showReachable(code: string, qr: HTMLCanvasElement, size: number, text: HTMLElement, short: boolean): void {
  void joinLinks(code).then(([url]) => {
    if (!url || url === qr.dataset.url) return;
    drawQr(qr, url, size);
    text.textContent = short ? url.replace(/^https?:\/\//, "") : url;
  });
}

function projectorLobby(root: HTMLElement, link: ClassLink): () => void {
  const code = link.creds.code;
  const url = joinLinkFor(code);
  const banner = new ClassBanner();
  const statusLine = h("p", { class: "status-big", id: "projector-status", "aria-live": "polite" });
  const seats = h("section", { class: "card", id: "projector-seats" });
  const qr = qrCanvas(url, 220);
  const linkText = h("strong", { id: "projector-link" }, url);
  showReachable(code, qr, 220, linkText, false);
  const el = page("projector", banner.el,
    h("div", { class: "join-box" },
      qr,
      h("div", {},
        h("p", { class: "big-link" }, t("classroom.projector.join"), " ", linkText),
        h("p", { class: "big-link" }, t("classroom.projector.withCode")),
        h("p", { class: "big-code", id: "projector-code" }, code))),
    statusLine,
    seats);
  root.appendChild(el);
  function render(): void {
    banner.render(link);
    const state = link.state();
    if (!state) return;
    statusLine.textContent = state.started ? `${roundLine(state)} · ${timeLeft(state)}` : t("classroom.projector.waiting");
    replace(seats, h("h2", {}, t("classroom.projector.teams")), seatsTable(state, null));
  }
  const unsubscribe = link.subscribe(render);
  render();
  return () => { unsubscribe(); el.remove(); };
}

function projectorGame(root: HTMLElement, link: ClassLink): () => void {
  const code = link.creds.code;
  const url = joinLinkFor(code);
  const banner = new ClassBanner();
  const clock = h("p", { class: "projector-clock", id: "projector-status", role: "timer", "aria-live": "off" });
  const qr = qrCanvas(url, 132);
  const linkText = h("strong", {}, url.replace(/^https?:\/\//, ""));
  showReachable(code, qr, 132, linkText, true);
  const join = h("div", { class: "projector-join", id: "projector-join" },
    qr,
    h("div", {},
      h("p", { class: "muted" }, t("classroom.projector.join")),
      h("p", { id: "projector-link" }, linkText),
      h("p", { class: "muted" }, t("classroom.projector.withCode")),
      h("p", { class: "mid-code", id: "projector-code" }, code)));
  const aside = h("section", { class: "projector-aside" }, clock, join);
  const unmount = mountClassGame(root, link, { tabs: ["seats", "log"], aside, overlay: banner.el, className: "projector-game", leave: false, viewerLabel: t("classroom.viewer.projector") });
  const tick = () => {
    const state = link.state();
    if (state) clock.textContent = `${roundLine(state)} · ${timeLeft(state)}`;
  };
  function render(): void {
    banner.render(link);
    const state = link.state();
    if (!state) return;
    join.hidden = state.locked || state.phase === "ended";
    tick();
  }
  const unsubscribe = link.subscribe(render);
  const stop = everySecond(tick);
  render();
  return () => { unsubscribe(); stop(); unmount(); };
}
