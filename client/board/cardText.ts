import { ORGS, POWERS, type CountryState } from "../../shared/engine/index.ts";
import { POWER_MARKS } from "../ui/palette.ts";
import { t } from "../i18n/strings.ts";

/** The figures shown on a state's marker on the board, as short lines of text. */
export function cardLines(c: CountryState): { title: string; status: string | null; members: string; assets: string; debt: string } {
  const members = ORGS.filter((o) => c.members[o]).map((o) => t(`org.${o}`)).join(" ");
  const assets = (Object.keys(c.assets) as (keyof CountryState["assets"])[])
    .filter((a) => c.assets[a] > 0)
    .map((a) => `${t(`assetShort.${a}`)} ${c.assets[a]}`)
    .join(" · ");
  const status = c.crisis ? `⚠ ${t(`crisis.${c.crisis}`)}` : c.distress ? `⚠ ${t("state.distress")}` : null;
  return {
    title: t(`seat.${c.id}`).toUpperCase(),
    status,
    members: members || t("state.none"),
    assets,
    debt: `${t("state.debt")} ${c.debt}/${c.capacity}`,
  };
}

export function influenceTotals(c: CountryState): { power: (typeof POWERS)[number]; mark: string; total: number }[] {
  return POWERS.map((p) => ({ power: p, mark: t(`board.mark.${p}`, { defaultValue: POWER_MARKS[p] }), total: c.influence[p].security + c.influence[p].economy + c.influence[p].politics }));
}

/** The power with strictly the most total influence, if any. */
export function leadingPower(c: CountryState): (typeof POWERS)[number] | null {
  const totals = influenceTotals(c).sort((a, b) => b.total - a.total);
  return totals[0]!.total > totals[1]!.total ? totals[0]!.power : null;
}
