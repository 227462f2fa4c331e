import { ACTION_BY_ID, CRISIS_RESPONSE_BY_ID, LEVERAGE_BY_ID } from "../../shared/content/index.ts";
import { previewDecision, type Decision, type EffectPreview, type GameView, type Seat } from "../../shared/engine/index.ts";
import type { Connection } from "../../shared/protocol/connection.ts";
import { h, replace } from "../ui/dom.ts";
import { sourceButton } from "../ui/sourceDialog.ts";
import { actionSummary, errorText, refusalText, t } from "../i18n/strings.ts";
import { actionName, answerLabel, answerSummary, optionLabel } from "./labels.ts";
import { alarming, previewLines, previewList } from "./previewText.ts";

/** Offers and decisions addressed to the player, answered with one click; the player's own offers and their fate. */
export class InboxPanel {
  readonly el = h("div", { class: "panel", id: "panel-inbox", role: "tabpanel", "aria-labelledby": "tab-inbox" });
  private renderedKey = "";
  private errors = new Map<number, string>();
  private sending = new Set<number>();

  private connection: Connection;

  constructor(connection: Connection) {
    this.connection = connection;
  }

  /** How many decisions wait for the player's answer. */
  static open(view: GameView): Decision[] {
    return view.decisions.filter((d) => d.seat === view.viewer && d.answer === null);
  }

  render(view: GameView): void {
    const key = JSON.stringify([view.decisions, [...this.errors], [...this.sending], view.round, view.phase]);
    if (key === this.renderedKey) return;
    this.renderedKey = key;
    const mine = InboxPanel.open(view);
    const outgoing = view.decisions.filter((d) => d.from === view.viewer);
    replace(this.el,
      h("h2", {}, t("inbox.heading")),
      mine.length === 0 ? h("p", { class: "status-line", id: "inbox-empty" }, t("inbox.empty")) : mine.map((d) => this.decision(d, view)),
      outgoing.length > 0 ? h("h3", { style: "font-size:14px;margin-top:12px" }, t("inbox.outgoing")) : null,
      outgoing.length > 0 ? h("ul", { class: "plan" }, ...outgoing.map((d) => h("li", {},
        `${t(`seat.${d.seat}`)}: ${d.order ? actionName(d.order.action) : d.kind}`,
        h("span", { class: "status-line" }, d.answer === null ? t("inbox.pending") : t("inbox.answered", { answer: answerLabel(d.kind, d.answer) }))))) : null,
    );
  }

  private question(d: Decision): string {
    const state = d.state ? t(`seat.${d.state}`) : "";
    switch (d.kind) {
      case "offer": {
        const action = d.order ? actionName(d.order.action) + (d.order.option ? ` (${optionLabel(d.order.option)})` : "") : "";
        return t("inbox.offer", { from: d.from ? t(`seat.${d.from}`) : "", action });
      }
      case "crisisRequest": return t("inbox.crisisRequest", { state });
      case "crisisResponse": return t("inbox.crisisResponse", { state });
      case "leverage": return t("inbox.leverage", { state });
    }
  }

  private decision(d: Decision, view: GameView): HTMLElement {
    const error = h("p", { class: "error", role: "alert" }, this.errors.get(d.id) ?? "");
    // What each answer will do to this state, by the engine's own rules, in the order of the options.
    const previews: EffectPreview[] = previewDecision(view, d.id);
    const def = d.kind === "offer" && d.order ? ACTION_BY_ID.get(d.order.action) : undefined;
    const buttons = d.options.map((option, i) => {
      const summary = answerSummary(d.kind, option);
      const source = d.kind === "leverage" ? LEVERAGE_BY_ID.get(option)?.source : d.kind === "crisisRequest" ? CRISIS_RESPONSE_BY_ID.get(option)?.source : undefined;
      const b = h("button", { type: "button", class: option === "decline" || option === "none" ? "" : "primary", "data-decision": d.id, "data-answer": option, disabled: this.sending.has(d.id) }, answerLabel(d.kind, option));
      b.addEventListener("click", () => void this.answer(d, option));
      const p = previews[i];
      return h("div", { class: `answer${p && alarming(p) ? " alarm" : ""}` },
        h("div", { class: "row" }, b, summary ? h("span", { class: "status-line", style: "flex:3 1 160px" }, summary) : null, source ? sourceButton(answerLabel(d.kind, option), source) : null),
        p ? previewList(previewLines(p, view.viewer as Seat), `preview-${d.id}-${option}`) : null);
    });
    return h("article", { class: "decision", "data-decision": d.id },
      h("p", {}, h("strong", {}, this.question(d))),
      // An offer says what the offering power's action is, in its own words, before the answers.
      def ? h("p", { class: "offer-text" }, actionSummary(def.id), " ", sourceButton(actionName(def.id), def.source)) : null,
      ...buttons,
      h("p", { class: "default" }, t("inbox.defaultAnswer", { answer: answerLabel(d.kind, d.defaultAnswer) })),
      error);
  }

  private async answer(d: Decision, answer: string): Promise<void> {
    this.sending.add(d.id);
    this.errors.delete(d.id);
    this.renderedKey = "";
    this.rerender();
    try {
      const reply = await this.connection.send("answer", { decision: d.id, answer });
      if (!reply.ok) this.errors.set(d.id, t("errors.refused", { message: refusalText(reply) }));
    } catch (e) {
      this.errors.set(d.id, t("errors.generic", { message: errorText(e) }));
    } finally {
      this.sending.delete(d.id);
      this.renderedKey = "";
      this.rerender();
    }
  }

  private rerender(): void {
    const v = this.connection.view();
    if (v) this.render(v);
  }
}
