import { isState } from "../../shared/engine/index.ts";
import { seatName, t } from "../i18n/strings.ts";
import { actionName } from "./labels.ts";

type Params = Record<string, string | number | boolean>;

/**
 * A bot's reason in words: `why` is a reason id of shared/bots/why.ts, the rest its parameters (public facts of
 * the board when the bot decided). Orders are told through their main order: who plays what, where, because.
 */
export function whyText(params: Params): string {
  const id = String(params.why ?? "");
  const seat = seatName(String(params.seat ?? ""));
  const action = String(params.action ?? "");
  if (id.startsWith("orders.") && id !== "orders.none" && id !== "orders.rupture") {
    const main = id.slice("orders.".length);
    const target = String(params.target ?? "");
    const where = target ? t(isState(target) ? "why.where" : "why.with", { target: seatName(target) }) : "";
    const more = Number(params.more ?? 0) > 0 ? t("why.more", { count: Number(params.more) }) : "";
    const because = t(`why.because.${main}`, { ...params, defaultValue: t("why.because.other") } as never);
    return t("why.ordersLead", { seat, actionName: actionName(main), where, more, because });
  }
  const helper = String(params.helper ?? "");
  return t(`why.${id}`, {
    ...params, seat, from: seatName(String(params.from ?? "")), state: seatName(String(params.state ?? "")),
    rival: seatName(String(params.rival ?? "")), actionName: action ? actionName(action) : "",
    helper: helper === "csto" ? t("org.csto") : seatName(helper),
  } as never);
}
