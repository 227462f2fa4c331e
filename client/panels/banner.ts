import type { ConnectionStatus } from "../../shared/protocol/connection.ts";
import { h, replace } from "../ui/dom.ts";
import { t } from "../i18n/strings.ts";

/** The connection banner: shown while the connection is lost and retrying, and briefly when it is back. */
export class ConnectionBanner {
  private last: ConnectionStatus = "open";
  private hideTimer: ReturnType<typeof setTimeout> | null = null;

  private el: HTMLElement;
  private toMenu: () => void;

  constructor(el: HTMLElement, toMenu: () => void) {
    this.el = el;
    this.toMenu = toMenu;
  }

  update(status: ConnectionStatus): void {
    if (status === this.last) return;
    const was = this.last;
    this.last = status;
    if (this.hideTimer) clearTimeout(this.hideTimer);
    if (status === "reconnecting" || status === "connecting") {
      replace(this.el, h("div", { class: "banner", id: "connection-banner" }, t(status === "connecting" ? "connection.connecting" : "connection.reconnecting")));
    } else if (status === "closed") {
      replace(this.el, h("div", { class: "banner", id: "connection-banner" }, t("connection.closed"),
        h("button", { type: "button", class: "small", onclick: () => location.reload() }, t("connection.retry")),
        h("button", { type: "button", class: "small", onclick: () => { replace(this.el); this.toMenu(); } }, t("connection.toMenu"))));
    } else if (was === "reconnecting" || was === "closed") {
      replace(this.el, h("div", { class: "banner ok", id: "connection-banner" }, t("connection.back")));
      this.hideTimer = setTimeout(() => replace(this.el), 2500);
    } else {
      replace(this.el);
    }
  }
}
