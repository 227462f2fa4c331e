import type { Connection, SeatInfo } from "../../shared/protocol/connection.ts";
import type { Reply } from "../../shared/protocol/messages.ts";
import { joinLink } from "../net/online.ts";
import { h, replace } from "../ui/dom.ts";
import { SEAT_COLOURS } from "../ui/palette.ts";
import { errorText, refusalText, t } from "../i18n/strings.ts";
import type { App } from "./types.ts";

/** Before the game: seats with names and human/bot, ready state, host controls, the code, link and QR code. */
export function lobbyScreen(root: HTMLElement, app: App, connection: Connection): () => void {
  const error = h("p", { class: "error", role: "alert", id: "lobby-error" });
  const seatsBody = h("tbody", {});
  const controls = h("div", { class: "actions" });
  const heading = h("h1", {});
  const share = h("section", { class: "card", id: "share" });
  const note = h("p", { class: "status-line" });
  let qrFor = "";

  const act = async (button: HTMLButtonElement, work: () => Promise<Reply>) => {
    button.disabled = true;
    error.textContent = "";
    try {
      const reply = await work();
      if (!reply.ok) error.textContent = refusalText(reply);
    } catch (e) {
      error.textContent = t("errors.generic", { message: errorText(e) });
    } finally {
      button.disabled = false;
    }
  };
  const button = (label: string, id: string, work: () => Promise<Reply>, primary = false) => {
    const b = h("button", { type: "button", id, class: primary ? "primary small" : "small" }, label);
    b.addEventListener("click", () => void act(b, work));
    return b;
  };

  function seatRow(s: SeatInfo, host: boolean, mySeat: string | null): HTMLElement {
    const mine = s.seat === mySeat;
    const who = s.controller === "bot" ? t("controller.bot") : s.players.length ? s.players.join(", ") : t("lobby.open");
    const cells = h("td", {});
    if (s.controller === "human" && !mine && s.players.length === 0) cells.appendChild(button(t("lobby.take"), `claim-${s.seat}`, () => connection.send("claimSeat", { seat: s.seat })));
    if (mine) cells.appendChild(button(t("lobby.release"), `release-${s.seat}`, () => connection.send("releaseSeat", {})));
    if (host && !mine) {
      for (const [i, id] of (s.playerIds ?? []).entries()) {
        if (id) cells.appendChild(button(t("lobby.kick", { name: s.players[i] ?? "" }), `kick-${s.seat}-${i}`, () => connection.send("kick", { sessionId: id })));
      }
      cells.appendChild(s.controller === "bot"
        ? button(t("lobby.makeHuman"), `human-${s.seat}`, () => connection.send("setController", { seat: s.seat, controller: "human" }))
        : button(t("lobby.makeBot"), `bot-${s.seat}`, () => connection.send("setController", { seat: s.seat, controller: "bot" })));
    }
    return h("tr", { "data-seat": s.seat },
      h("td", {}, h("span", { class: "swatch", style: `background:${SEAT_COLOURS[s.seat]}` }), h("strong", {}, t(`seat.${s.seat}`)), mine ? ` ${t("lobby.you")}` : ""),
      h("td", {}, who, !s.connected && s.players.length ? ` (${t("lobby.disconnected")})` : ""),
      h("td", {}, s.controller === "bot" ? "—" : s.ready ? `✓ ${t("lobby.isReady")}` : t("lobby.isNotReady")),
      cells);
  }

  function render(): void {
    const m = connection.match();
    heading.textContent = t("lobby.heading", { name: m.name });
    replace(seatsBody, ...m.seats.map((s) => seatRow(s, m.you.host, m.you.seat)));
    const me = m.seats.find((s) => s.seat === m.you.seat);
    replace(controls,
      me ? button(me.ready ? t("lobby.notReady") : t("lobby.ready"), "ready", () => connection.send("setReady", { ready: !me.ready }), !me.ready) : null,
      m.you.host ? button(t("lobby.start"), "start-game", () => connection.send("start", {}), true) : null,
      h("button", { type: "button", class: "small", id: "leave-lobby", onclick: () => void connection.leave().finally(() => app.toMenu()) }, t("lobby.leave")));
    note.textContent = m.you.spectator ? t("lobby.spectator") : m.you.host ? t("lobby.hostOnly") : t("lobby.waitHost");
    if (m.code && qrFor !== m.code) {
      qrFor = m.code;
      const link = joinLink(m.code);
      const copy = (text: string, b: HTMLButtonElement) => void navigator.clipboard?.writeText(text).then(() => { b.textContent = t("common.copied"); }, () => undefined);
      const copyCode = h("button", { type: "button", class: "small" }, t("lobby.copyCode"));
      copyCode.addEventListener("click", () => copy(m.code!, copyCode));
      const copyLink = h("button", { type: "button", class: "small" }, t("lobby.copyLink"));
      copyLink.addEventListener("click", () => copy(link, copyLink));
      const qr = h("img", { class: "qr", alt: t("lobby.qr") });
      void import("qrcode").then((q) => q.toDataURL(link, { margin: 1, width: 148 })).then((url) => { qr.src = url; }).catch(() => qr.remove());
      replace(share,
        h("h2", {}, t("lobby.code")), h("p", { class: "code", id: "match-code" }, m.code), copyCode,
        h("h2", { style: "margin-top:12px" }, t("lobby.link")),
        h("input", { value: link, readonly: true, id: "join-link", "aria-label": t("lobby.link"), style: "width:100%" }), copyLink,
        h("div", { style: "margin-top:12px" }, qr));
    }
  }

  const el = h("div", { class: "lobby", id: "lobby" },
    h("div", { class: "lobby-inner" },
      h("section", { class: "card" }, heading, h("h2", {}, t("lobby.seats")),
        h("table", {}, seatsBody), controls, error, note),
      share));
  root.appendChild(el);
  const unsubscribe = connection.subscribe(render);
  render();
  return () => { unsubscribe(); el.remove(); };
}
