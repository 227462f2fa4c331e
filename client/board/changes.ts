import { POWERS, type CountryState } from "../../shared/engine/index.ts";
import { POWER_MARKS } from "../ui/palette.ts";
import { signedNumber, t } from "../i18n/strings.ts";

export interface Change { text: string; good: boolean }

/** The visible differences in a state between two views, as short signed labels. */
export function changesBetween(a: CountryState, b: CountryState): Change[] {
  const out: Change[] = [];
  const track = (label: string, d: number, upIsGood: boolean) => {
    if (d !== 0) out.push({ text: `${label} ${signedNumber(d)}`, good: d > 0 === upIsGood });
  };
  track(t("state.stability"), b.stability - a.stability, true);
  track(t("state.debt"), b.debt - a.debt, false);
  for (const p of POWERS) {
    const before = a.influence[p].security + a.influence[p].economy + a.influence[p].politics;
    const after = b.influence[p].security + b.influence[p].economy + b.influence[p].politics;
    if (after !== before) out.push({ text: `${t(`board.mark.${p}`)} ${t("state.influence")} ${signedNumber(after - before)}`, good: true });
  }
  for (const k of Object.keys(b.assets) as (keyof CountryState["assets"])[]) {
    const d = b.assets[k] - a.assets[k];
    if (d !== 0) out.push({ text: `${t(`assetShort.${k}`)} ${signedNumber(d)}`, good: true });
  }
  for (const org of ["csto", "eaeu", "sco"] as const) {
    if (a.members[org] !== b.members[org]) out.push({ text: `${t(`org.${org}`)} ${b.members[org] ? "+" : "−"}`, good: true });
  }
  if (!a.crisis && b.crisis) out.push({ text: t(`crisis.${b.crisis}`), good: false });
  return out;
}
