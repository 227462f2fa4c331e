import QRCode from "qrcode";
import { h, replace } from "../ui/dom.ts";
import { t } from "../i18n/strings.ts";
import { boardTable, roundLine, seatsTable } from "./boardTable.ts";
import { ClassBanner, everySecond, joinLinkFor, page, timeLeft } from "./common.ts";
import type { ClassLink } from "./net.ts";

/** The projector: a large join code, the link and its QR code, then the public board, the timer and the teacher's message. */
export function projectorScreen(root: HTMLElement, link: ClassLink): () => void {
  const code = link.creds.code;
  const url = joinLinkFor(code);
  const banner = new ClassBanner();
  const qr = h("canvas", { class: "qr", id: "join-qr", role: "img", "aria-label": `${t("classroom.projector.scan")}: ${url}` });
  void QRCode.toCanvas(qr, url, { width: 220, margin: 1 }).catch(() => undefined);
  const statusLine = h("p", { class: "status-big", id: "projector-status", "aria-live": "polite" });
  const seats = h("section", { class: "card", id: "projector-seats" });
  const board = h("section", { class: "card", id: "projector-board" });
  const el = page("projector", banner.el,
    h("div", { class: "join-box" },
      qr,
      h("div", {},
        h("p", { class: "big-link" }, t("classroom.projector.join"), " ", h("strong", { id: "projector-link" }, url)),
        h("p", { class: "big-link" }, t("classroom.projector.withCode")),
        h("p", { class: "big-code", id: "projector-code" }, code))),
    statusLine,
    h("div", { class: "grid" }, seats, board));
  root.appendChild(el);

  function render(): void {
    banner.render(link);
    const state = link.state();
    if (!state) return;
    const view = link.current?.game.view() ?? null;
    statusLine.textContent = state.started ? `${roundLine(state)} · ${timeLeft(state)}` : t("classroom.projector.waiting");
    replace(seats, h("h2", {}, t("classroom.projector.teams")), seatsTable(state, view));
    replace(board, view ? boardTable(view) : null);
    board.hidden = !view;
  }
  const unsubscribe = link.subscribe(render);
  const stop = everySecond(() => { const s = link.state(); if (s?.started) statusLine.textContent = `${roundLine(s)} · ${timeLeft(s)}`; });
  render();
  return () => { unsubscribe(); stop(); el.remove(); };
}
