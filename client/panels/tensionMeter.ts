import { h } from "../ui/dom.ts";
import { t } from "../i18n/strings.ts";
import { orderLabel } from "./labels.ts";
import type { TensionGauge } from "./tensionGauge.ts";

/*
 * The tension gauge drawn in the orders panel: one cell per point up to the rupture line, the tension now filled,
 * each encroaching order of the plan a run of warning cells titled with its name, and a danger state with a
 * sentence when the plan alone would break the partnership. A screen reader reads it as a meter with its values.
 */

export function tensionMeter(g: TensionGauge, id: string): HTMLElement {
  const planned = g.shares.length > 0 || g.after !== g.now;
  // Which share (if any) each cell belongs to: the engine's from/to, so the cells say exactly what it counted.
  const owner: (number | null)[] = Array.from({ length: g.line }, () => null);
  g.shares.forEach((s, k) => { for (let i = Math.max(0, s.from); i < Math.min(s.to, g.line); i++) owner[i] = k; });
  const cells: HTMLElement[] = [];
  for (let i = 0; i < g.line;) {
    const k = owner[i];
    if (k === null || k === undefined) {
      cells.push(h("i", { class: i < Math.min(g.now, g.after) ? "on" : i < g.now ? "eased" : "" }));
      i++;
      continue;
    }
    const run: HTMLElement[] = [];
    while (i < g.line && owner[i] === k) { run.push(h("i", { class: "add" })); i++; }
    const s = g.shares[k]!;
    cells.push(h("span", { class: "share", style: `--cells:${run.length}`, "data-action": s.action, title: t("orders.tension.shareTitle", { order: orderLabel(s), count: s.tension }) }, ...run));
  }
  const headingId = `${id}-label`;
  return h("section", { class: `tension-gauge${g.rupture ? " danger" : ""}`, id, "aria-labelledby": headingId },
    h("div", { class: "tension-head" },
      h("span", { class: "name", id: headingId }, t("orders.tension.heading")),
      h("span", { class: "val" }, planned ? t("orders.tension.valuePlan", { now: g.now, after: g.after, line: g.line }) : t("orders.tension.value", { now: g.now, line: g.line }))),
    h("div", {
      class: "tension-bar", role: "meter", "aria-labelledby": headingId,
      "aria-valuemin": 0, "aria-valuemax": g.line, "aria-valuenow": g.after,
      "aria-valuetext": t("orders.tension.valueText", { now: g.now, after: g.after, line: g.line }),
    }, ...cells),
    g.shares.length > 0 ? h("ul", { class: "tension-shares" },
      ...g.shares.map((s) => h("li", { "data-action": s.action }, t("orders.tension.share", { order: orderLabel(s), count: s.tension })))) : null,
    g.rupture ? h("p", { class: "tension-danger", role: "alert" }, t("orders.tension.rupture", { count: g.penalty })) : null,
    planned || g.hasOffer ? h("p", { class: "tension-hint" },
      t(`orders.tension.notCounting.${g.rival}`), g.hasOffer ? ` ${t("orders.tension.offers")}` : "") : null,
  );
}
