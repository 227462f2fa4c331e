import { ORGS, POWERS, type CountryState, type StateId } from "../../shared/engine/index.ts";
import { h, replace } from "../ui/dom.ts";
import { POWER_MARKS, SEAT_COLOURS } from "../ui/palette.ts";
import { t } from "../i18n/strings.ts";

/** Everything about one state, opened by clicking it on the map or with the state buttons. */
export class DetailsPanel {
  readonly el = h("section", { class: "details", id: "state-details", "aria-live": "polite", hidden: true });
  private key = "";

  private onClose: () => void;

  constructor(onClose: () => void) {
    this.onClose = onClose;
  }

  render(c: CountryState | null): void {
    if (!c) {
      this.el.hidden = true;
      this.key = "";
      return;
    }
    const key = JSON.stringify(c);
    if (key === this.key && !this.el.hidden) return;
    this.key = key;
    this.el.hidden = false;
    this.el.style.setProperty("--swatch", SEAT_COLOURS[c.id as StateId]);
    const influence = h("table", { class: "infl-table" },
      h("thead", {}, h("tr", {}, h("th", {}, ""), h("th", { scope: "col" }, t("domainShort.security")), h("th", { scope: "col" }, t("domainShort.economy")),
        h("th", { scope: "col" }, t("domainShort.politics")), h("th", { scope: "col" }, t("state.totalShort")))),
      h("tbody", {}, ...POWERS.map((p) => {
        const i = c.influence[p];
        const total = i.security + i.economy + i.politics;
        return h("tr", {},
          h("th", { scope: "row" }, h("span", { class: "swatch", style: `background:${SEAT_COLOURS[p]}` }), `${t(`board.mark.${p}`)} ${t(`seat.${p}`)}`),
          h("td", {}, String(i.security)), h("td", {}, String(i.economy)), h("td", {}, String(i.politics)),
          h("td", {}, h("strong", {}, String(total)), h("span", { class: "bar" }, h("i", { style: `width:${Math.min(100, (total / 15) * 100)}%;background:${SEAT_COLOURS[p]}` }))));
      })));
    const assets = (Object.keys(c.assets) as (keyof CountryState["assets"])[]).filter((a) => c.assets[a] > 0).map((a) => `${t(`asset.${a}`)} ${c.assets[a]}`);
    const members = ORGS.filter((o) => c.members[o]).map((o) => t(`org.${o}`));
    const close = h("button", { type: "button", class: "small close", "aria-label": t("state.close"), onclick: this.onClose }, "✕");
    replace(this.el,
      close,
      h("h2", {}, t(`seat.${c.id}`)),
      c.crisis ? h("p", { class: "error" }, `⚠ ${t("state.crisis", { crisis: t(`crisis.${c.crisis}`) })}`) : null,
      c.distress ? h("p", { class: "error" }, `⚠ ${t("state.distress")}`) : null,
      h("h3", { style: "font-size:13px;margin:6px 0 4px" }, t("state.influence")),
      influence,
      h("dl", {},
        h("dt", {}, t("state.stability")), h("dd", { id: "detail-stability" }, `${c.stability} / 10`),
        h("dt", {}, t("state.prosperity")), h("dd", {}, `${c.prosperity} / 10`),
        h("dt", {}, t("state.sovereignty")), h("dd", {}, `${c.sovereignty} / 10`),
        h("dt", {}, t("state.debt")), h("dd", {}, `${c.debt} (${t("state.capacity", { capacity: c.capacity })})`),
        h("dt", {}, t("state.opinion")), h("dd", {}, `${c.opinion.china} / ${c.opinion.russia}`),
        h("dt", {}, t("state.remittances")), h("dd", {}, `${c.remittances} / 5`),
        h("dt", {}, t("state.members")), h("dd", {}, members.join(", ") || t("state.none")),
        h("dt", {}, t("state.assets")), h("dd", {}, assets.join(", ") || "—"),
      ),
    );
  }
}
