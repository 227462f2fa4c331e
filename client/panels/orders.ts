import { ACTION_BY_ID } from "../../shared/content/index.ts";
import { checkPlan, isState, previewInput, type GameView, type LegalAction, type Order, type PlanCheck, type Seat, type StateId } from "../../shared/engine/index.ts";
import type { Connection } from "../../shared/protocol/connection.ts";
import type { Reply } from "../../shared/protocol/messages.ts";
import { h, replace } from "../ui/dom.ts";
import { sourceButton } from "../ui/sourceDialog.ts";
import { actionSummary, errorText, refusalText, t } from "../i18n/strings.ts";
import { actionName, optionLabel, orderLabel } from "./labels.ts";
import { addedTension, alarming, previewLines, previewList } from "./previewText.ts";
import { tensionGauge } from "./tensionGauge.ts";
import { tensionMeter } from "./tensionMeter.ts";

/** A plan kept elsewhere and shared live (a classroom team's draft): the panel shows it and asks for every change. */
export interface SharedPlan {
  /** The shared plan for this view's round; empty when there is none yet. */
  orders(view: GameView): Order[];
  /** Who changed it last, if anyone. */
  by(view: GameView): string | null;
  /** Asks to replace it; a refusal is shown to the player. */
  set(orders: Order[], view: GameView): Promise<Reply>;
}

const DOMAIN_SWATCH: Record<string, string> = { security: "#0072B2", economy: "#D55E00", politics: "#CC79A7" };

/**
 * The orders panel: only the actions the view says are legal, with their costs; the player builds a plan
 * and submits it. Totals are shown so the player sees the budget; the server (or engine) decides.
 */
export class OrdersPanel {
  readonly el = h("div", { class: "panel", id: "panel-orders", role: "tabpanel", "aria-labelledby": "tab-orders" });
  private plan: Order[] = [];
  private planKey = "";
  private renderedKey = "";
  private error = h("p", { class: "error", role: "alert", id: "orders-error" });
  private view: GameView | null = null;
  private sending = false;
  /** Changing orders already sent this phase: the plan starts from them and Submit becomes "Update orders". */
  private editing = false;

  private connection: Connection;
  private onHighlight: (states: StateId[]) => void;
  private onChange: () => void;
  private shared: SharedPlan | null;

  constructor(connection: Connection, onHighlight: (states: StateId[]) => void, onChange: () => void, shared?: SharedPlan) {
    this.connection = connection;
    this.onHighlight = onHighlight;
    this.onChange = onChange;
    this.shared = shared ?? null;
  }

  render(view: GameView): void {
    this.view = view;
    const me = view.seats.find((s) => s.seat === view.viewer);
    const roundKey = `${view.round}|${view.phase}`;
    if (roundKey !== this.planKey) {
      this.plan = [];
      this.planKey = roundKey;
      this.editing = false;
      this.error.textContent = "";
    }
    if (this.shared) this.plan = [...this.shared.orders(view)];
    const key = JSON.stringify([roundKey, view.legal, me?.submitted, me?.funds, me?.ap, me?.orders, this.plan, this.sending, this.editing, this.shared?.by(view), this.connection.match().paused]);
    if (key === this.renderedKey) return;
    this.renderedKey = key;
    const focusedId = (document.activeElement as HTMLElement | null)?.id;
    this.draw(view);
    if (focusedId) (document.getElementById(focusedId) as HTMLElement | null)?.focus();
  }

  private draw(view: GameView): void {
    const me = view.seats.find((s) => s.seat === view.viewer);
    if (!me) return void replace(this.el, h("p", {}, t("game.spectating")));
    if (view.phase !== "orders") {
      return void replace(this.el, h("h2", {}, t("orders.heading")), h("p", { class: "status-line" }, t("orders.notOpen")), this.submittedList(me.orders ?? []));
    }
    if (me.submitted && !this.editing) {
      // The phase is still open: the seat may change or withdraw what it sent (the engine keeps the last set).
      const edit = this.shared ? null : h("button", { type: "button", id: "edit-orders", onclick: () => this.startEditing(view, me.orders ?? []) }, t("orders.edit"));
      const withdraw = this.shared || (me.orders ?? []).length === 0 ? null
        : h("button", { type: "button", id: "withdraw-orders", disabled: this.sending || this.connection.match().paused, onclick: () => void this.send([]) }, t("orders.withdraw"));
      const sent = me.orders ?? [];
      return void replace(this.el, h("h2", {}, t("orders.heading")), h("p", { class: "ok-msg", id: "orders-sent" }, t("orders.sent")),
        this.submittedList(sent),
        this.tension(view, sent),
        // What the orders sent will do, kept in sight while the others decide.
        sent.length > 0 ? h("details", { class: "plan-preview", open: true },
          h("summary", {}, t("preview.planHeading")),
          previewList(previewLines(previewInput(view, { type: "orders", seat: me.seat, orders: sent }), me.seat), "sent-preview")) : null,
        edit || withdraw ? h("div", { class: "actions" }, edit, withdraw) : null,
        this.shared ? null : h("p", { class: "status-line" }, t("orders.editHint")),
        this.error);
    }
    // The engine's verdict on the plan: valid or why not, and the budget it leaves.
    const check = checkPlan(view, this.plan);
    const left = check.remaining;
    const over = !check.ok;
    // While the match is paused the server refuses orders, so the buttons wait too (and say why).
    const paused = this.connection.match().paused;
    const by = this.shared?.by(view) ?? null;
    const submit = h("button", { class: "primary", type: "button", id: "submit-orders", disabled: this.sending || paused || (this.plan.length === 0 && !this.editing) }, this.editing ? t("orders.update") : t("orders.submit", { count: this.plan.length }));
    submit.addEventListener("click", () => void this.send(this.plan));
    const pass = h("button", { type: "button", id: "pass-orders", disabled: this.sending || paused }, t("orders.pass"));
    pass.addEventListener("click", () => void this.send([]));
    const keep = this.editing
      ? h("button", { type: "button", id: "keep-orders", onclick: () => { this.editing = false; this.renderedKey = ""; this.render(view); } }, t("orders.keep"))
      : null;
    replace(this.el,
      h("h2", {}, t("orders.heading")),
      this.shared ? h("p", { class: "status-line", id: "shared-plan" }, by && this.plan.length > 0 ? t("orders.sharedBy", { name: by }) : t("orders.shared")) : null,
      paused ? h("p", { class: "status-line", id: "orders-paused" }, t("orders.paused")) : null,
      h("p", { class: `budget${over ? " over" : ""}`, id: "budget", "aria-live": "polite" },
        t("orders.budgetLeft", { ap: left.actionPoints, maxAp: me.ap, funds: left.funds, maxFunds: me.funds })),
      over ? h("p", { class: "error", id: "plan-problem" }, planReason(check)) : null,
      this.tension(view, this.plan),
      h("h3", { class: "visually-hidden" }, t("orders.planned")),
      this.plan.length === 0 ? h("p", { class: "status-line" }, t("orders.emptyPlan")) : h("ul", { class: "plan", id: "plan" },
        ...this.plan.map((o, i) => h("li", {},
          h("span", {}, orderLabel(o)),
          h("button", { type: "button", class: "small", "aria-label": `${t("orders.remove")}: ${orderLabel(o)}`, onclick: () => this.change(view, this.plan.filter((_, j) => j !== i)) }, t("orders.remove"))))),
      this.plan.length > 0 && check.ok ? h("details", { class: "plan-preview", open: true },
        h("summary", {}, t("preview.planHeading")),
        previewList(previewLines(previewInput(view, { type: "orders", seat: me.seat, orders: this.plan }), me.seat), "plan-preview")) : null,
      h("div", { class: "actions" }, submit, this.editing ? keep : pass),
      this.error,
      h("h3", { style: "margin-top:14px;font-size:14px" }, t("orders.legal")),
      view.legal.length === 0 ? h("p", {}, t("orders.none")) : h("ul", { class: "action-list", id: "action-list" }, ...view.legal.map((l) => this.actionItem(l, view))),
    );
  }

  private startEditing(view: GameView, sent: Order[]): void {
    this.editing = true;
    this.plan = sent.map((o) => ({ ...o }));
    this.error.textContent = "";
    this.render(view);
    (document.getElementById("submit-orders") as HTMLElement | null)?.focus();
  }

  /** Russia's and China's way to the rupture line with these orders (nothing for a seat that cannot encroach). */
  private tension(view: GameView, orders: Order[]): HTMLElement | null {
    const gauge = tensionGauge(view, orders);
    return gauge ? tensionMeter(gauge, "tension-meter") : null;
  }

  private submittedList(orders: Order[]): HTMLElement {
    if (orders.length === 0) return h("p", { class: "status-line" }, "—");
    return h("ul", { class: "plan" }, ...orders.map((o) => h("li", {}, orderLabel(o))));
  }

  private actionItem(l: LegalAction, view: GameView): HTMLElement {
    const def = ACTION_BY_ID.get(l.action);
    const name = actionName(l.action);
    const targetSel = l.targets.length > 0
      ? h("select", { id: `target-${l.action}`, "aria-label": `${t("orders.target")}: ${name}` }, ...l.targets.map((x) => h("option", { value: x }, t(`seat.${x}`))))
      : null;
    const optionSel = l.options.length > 0
      ? h("select", { id: `option-${l.action}`, "aria-label": `${t("orders.option")}: ${name}` }, ...l.options.map((x) => h("option", { value: x }, optionLabel(x))))
      : null;
    const highlight = () => this.onHighlight(l.targets.filter(isState) as StateId[]);
    const add = h("button", { type: "button", class: "small", id: `add-${l.action}`, "data-action": l.action, "aria-describedby": `reason-${l.action}` }, t("orders.add"));
    const current = (): Order => {
      const order: Order = { action: l.action };
      if (targetSel) order.target = targetSel.value as Order["target"];
      if (optionSel) order.option = optionSel.value;
      return order;
    };
    add.addEventListener("click", () => this.change(view, [...this.plan, current()]));
    const reason = h("p", { class: "reason", id: `reason-${l.action}` });
    const preview = h("div", { class: "preview-box", id: `preview-${l.action}` });
    // What this order alone adds to Sino-Russian tension, at a glance beside its cost.
    const tensionTag = h("span", { class: "tension-tag", id: `tension-${l.action}`, hidden: true });
    // Add waits on the engine's verdict for the plan with this order in it; the preview shows what the order alone will do.
    const refresh = () => {
      const order = current();
      const verdict = checkPlan(view, [...this.plan, order]);
      add.disabled = !verdict.ok;
      reason.textContent = verdict.ok ? "" : planReason(verdict);
      const p = previewInput(view, { type: "order", seat: view.viewer as Seat, order });
      replace(preview, previewList(previewLines(p, view.viewer as Seat)));
      item.classList.toggle("alarm", alarming(p));
      const added = addedTension(p);
      tensionTag.hidden = added === 0;
      tensionTag.textContent = added === 0 ? "" : t("orders.tensionTag", { count: added });
    };
    const item = h("li", { class: "action", style: `--swatch:${DOMAIN_SWATCH[def?.domain ?? ""] ?? "#888"}`, "data-action": l.action },
      h("header", {}, h("h3", {}, name), tensionTag, h("span", { class: "cost" }, t("orders.apCost", { ap: l.ap, cost: l.cost }))),
      def ? h("p", {}, actionSummary(def.id)) : null,
      h("div", { class: "tags" },
        h("span", {}, t(`domain.${def?.domain ?? "politics"}`)),
        def?.offer ? h("span", {}, t("orders.offerTag")) : null,
        def ? sourceButton(name, def.source) : null),
      h("div", { class: "controls" }, targetSel, optionSel, add),
      reason,
      preview,
    );
    refresh();
    targetSel?.addEventListener("change", refresh);
    optionSel?.addEventListener("change", refresh);
    item.addEventListener("mouseenter", highlight);
    item.addEventListener("focusin", highlight);
    item.addEventListener("mouseleave", () => this.onHighlight([]));
    targetSel?.addEventListener("change", () => this.onHighlight([targetSel.value as StateId].filter(isState)));
    return item;
  }

  /** A new plan: this panel's own at once, or a shared one once the server has taken it. */
  private change(view: GameView, next: Order[]): void {
    this.error.textContent = "";
    if (!this.shared) {
      this.plan = next;
      this.render(view);
      this.onChange();
      return;
    }
    void this.shared.set(next, view).then((reply) => {
      if (!reply.ok) this.error.textContent = t("orders.refused", { message: refusalText(reply) });
      else this.onChange();
    });
  }

  private async send(orders: Order[]): Promise<void> {
    this.sending = true;
    this.error.textContent = "";
    this.renderedKey = "";
    if (this.view) this.render(this.view);
    try {
      const reply = await this.connection.send("submitOrders", { orders });
      if (!reply.ok) this.error.textContent = t("orders.refused", { message: refusalText(reply) });
      else {
        this.editing = false;
        this.onHighlight([]);
      }
    } catch (e) {
      this.error.textContent = t("errors.generic", { message: errorText(e) });
    } finally {
      this.sending = false;
      this.renderedKey = "";
      if (this.connection.view()) this.render(this.connection.view()!);
    }
  }
}

/** Why a plan is refused, in words: names of seats and actions, never ids. */
export function planReason(check: PlanCheck): string {
  const p = check.params ?? {};
  const target = p.target ? t(`seat.${p.target}`, { defaultValue: String(p.target) }) : "";
  switch (check.code) {
    case "over-budget": return t(p.resource === "ap" ? "orders.reason.ap" : "orders.reason.funds", { need: p.need, have: p.have });
    case "too-many-orders": return t("orders.reason.tooMany", { count: Number(p.max) });
    case "duplicate-order": return target ? t("orders.reason.duplicateOn", { target }) : t("orders.reason.duplicate");
    case "wrong-phase": case "already-ended": return t("orders.notOpen");
    default: return t("orders.reason.other", { action: actionName(String(p.action ?? "")) });
  }
}
