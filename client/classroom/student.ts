import { ACTION_BY_ID } from "../../shared/content/index.ts";
import type { GameView, LegalAction, Order } from "../../shared/engine/index.ts";
import type { TeamDraft } from "../../shared/protocol/classroom.ts";
import { InboxPanel } from "../panels/inbox.ts";
import { LogPanel } from "../panels/log.ts";
import { optionLabel } from "../panels/labels.ts";
import { h, replace } from "../ui/dom.ts";
import { busy, textField } from "../ui/forms.ts";
import { SEAT_COLOURS } from "../ui/palette.ts";
import { t } from "../i18n/strings.ts";
import { boardTable, roundLine } from "./boardTable.ts";
import { ClassBanner, everySecond, page, saved, serverUrl, timeLeft } from "./common.ts";
import { ClassLink } from "./net.ts";

function orderText(o: Order): string {
  return [ACTION_BY_ID.get(o.action)?.name ?? o.action, o.target ? t(`seat.${o.target}`) : null, o.option ? optionLabel(o.option) : null].filter(Boolean).join(" → ");
}

/** Code and nickname, nothing else: no account, no e-mail. */
export function studentJoin(root: HTMLElement, code: string, onLink: (link: ClassLink) => void): () => void {
  const last = saved.student();
  const codeField = textField("student-code", t("classroom.student.code"), code, { maxlength: 12 });
  const nick = textField("student-name", t("classroom.student.nickname"), last && last.code === code ? last.name : "", { maxlength: 20 });
  const error = h("p", { class: "error", role: "alert", id: "student-error" });
  const join = h("button", { class: "primary", type: "button", id: "student-join" }, t("classroom.student.join"));
  join.addEventListener("click", () => void busy(join, error, async () => {
    const creds = { url: serverUrl(), code: codeField.input.value.trim().toUpperCase(), role: "student" as const, name: nick.input.value.trim().replace(/[<>]/g, "") };
    const link = new ClassLink(creds, { onCredentials: (c) => saved.setStudent({ code: c.code, name: c.name ?? "" }) });
    await link.start();
    saved.setStudent({ code: creds.code, name: creds.name });
    onLink(link);
  }));
  nick.input.addEventListener("keydown", (e) => { if (e.key === "Enter") join.click(); });
  const el = page("student-join", h("section", { class: "card", style: "max-width:420px;margin:10vh auto" },
    h("h1", {}, t("classroom.student.heading")), codeField.wrap, nick.wrap, h("div", { class: "actions" }, join), error));
  root.appendChild(el);
  (code ? nick.input : codeField.input).focus();
  return () => el.remove();
}

/**
 * A student's team view: the team's shared draft (every member sees each change as it happens and any
 * member submits it), the team's decisions, the public board and the log.
 */
export function studentScreen(root: HTMLElement, link: ClassLink): () => void {
  const banner = new ClassBanner();
  const heading = h("h1", { id: "student-heading" });
  const status = h("p", { class: "muted", id: "student-status", "aria-live": "polite" });
  const draftCard = h("section", { class: "card", id: "team-draft", "aria-labelledby": "draft-h" });
  const decisions = h("section", { class: "card", id: "team-decisions" });
  const board = h("section", { class: "card", id: "student-board" });
  const error = h("p", { class: "error", role: "alert", id: "draft-error" });
  const inbox = link.current ? new InboxPanel(link.current.game) : null;
  const log = new LogPanel();
  const el = page("student", banner.el, heading, status, h("div", { class: "grid" }, draftCard, decisions), board, h("section", { class: "card" }, log.el));
  root.appendChild(el);
  let inboxFor = link.current;
  let inboxPanel = inbox;

  const draftOf = (): TeamDraft | null => {
    const seat = link.current?.game.match().you.seat;
    const raw = seat ? link.state()?.secrets?.get(seat)?.draft : "";
    return raw ? (JSON.parse(raw) as TeamDraft) : null;
  };
  const sendDraft = async (orders: Order[], view: GameView) => {
    const reply = await link.request("draft", { orders, round: view.round });
    error.textContent = reply.ok ? "" : t("errors.refused", { message: reply.message });
  };

  function actionRow(l: LegalAction, view: GameView, current: Order[]): HTMLElement {
    const name = ACTION_BY_ID.get(l.action)?.name ?? l.action;
    const target = l.targets.length > 0 ? h("select", { "aria-label": `${t("orders.target")}: ${name}` }, ...l.targets.map((x) => h("option", { value: x }, t(`seat.${x}`)))) : null;
    const option = l.options.length > 0 ? h("select", { "aria-label": `${t("orders.option")}: ${name}` }, ...l.options.map((x) => h("option", { value: x }, optionLabel(x)))) : null;
    const add = h("button", { type: "button", class: "small", "data-action": l.action, disabled: !!link.state()?.paused }, t("classroom.student.add"));
    add.addEventListener("click", () => {
      const order: Order = { action: l.action };
      if (target) order.target = target.value as Order["target"];
      if (option) order.option = option.value;
      void sendDraft([...current, order], view);
    });
    return h("div", { class: "action-row" }, h("strong", {}, name), h("span", { class: "muted" }, t("orders.apCost", { ap: l.ap, cost: l.cost })), target, option, add);
  }

  function render(): void {
    banner.render(link);
    const state = link.state();
    const conn = link.current;
    if (!state || !conn) return;
    if (conn !== inboxFor) {
      inboxFor = conn;
      inboxPanel = new InboxPanel(conn.game);
    }
    const match = conn.game.match();
    const seat = match.you.seat;
    const view = conn.game.view();
    heading.textContent = seat ? t("classroom.student.team", { seat: t(`seat.${seat}`) }) : t("classroom.student.waiting", { name: link.creds.name ?? "" });
    heading.style.borderLeft = seat ? `8px solid ${SEAT_COLOURS[seat]}` : "";
    heading.style.paddingLeft = seat ? "8px" : "";
    const team = seat ? [...(state.seats.get(seat)?.players ?? [])] : [];
    status.textContent = [team.length ? t("classroom.student.members", { names: team.join(", ") }) : "", roundLine(state), state.started ? timeLeft(state) : ""].filter(Boolean).join(" · ");
    replace(board, view ? boardTable(view) : null);
    board.hidden = !view;
    if (view) log.render(conn.game.events());
    if (!seat || !view) {
      draftCard.hidden = true;
      decisions.hidden = true;
      return;
    }
    draftCard.hidden = false;
    const me = view.seats.find((s) => s.seat === seat);
    const draft = draftOf();
    const current = (draft && draft.round === view.round ? draft.orders : []) as Order[];
    const paused = state.paused;
    const key = JSON.stringify([view.round, view.phase, me?.submitted, me?.orders, current, draft?.by, state.seats.get(seat)?.controller, view.legal, paused]);
    if (draftCard.dataset.key !== key) {
      draftCard.dataset.key = key;
      const title = h("h2", { id: "draft-h" }, t("classroom.student.draftHeading"));
      if (view.phase !== "orders") replace(draftCard, title, h("p", { class: "muted" }, t("classroom.student.notOrders", { phase: t(`phase.${view.phase}`) })));
      else if (state.seats.get(seat)?.controller === "bot") replace(draftCard, title, h("p", {}, t("classroom.student.botPlays")));
      else if (me?.submitted) replace(draftCard, title, h("p", { class: "ok-msg", id: "team-submitted" }, `✔ ${t("classroom.student.submitted")}`),
        h("ul", { class: "plain" }, ...(me.orders ?? []).map((o) => h("li", {}, orderText(o)))));
      else {
        // While paused the server refuses orders, so the controls wait too.
        const submit = h("button", { class: "primary", type: "button", id: "team-submit", disabled: paused || current.length === 0 }, t("classroom.student.submit", { count: current.length }));
        submit.addEventListener("click", () => void busy(submit, error, async () => {
          const reply = await link.request("submitOrders", { orders: current, round: view.round });
          if (!reply.ok) throw new Error(reply.message);
        }));
        const pass = h("button", { type: "button", id: "team-pass", disabled: paused }, t("classroom.student.pass"));
        pass.addEventListener("click", () => void busy(pass, error, async () => {
          const reply = await link.request("submitOrders", { orders: [], round: view.round });
          if (!reply.ok) throw new Error(reply.message);
        }));
        replace(draftCard, title,
          draft && current.length > 0 ? h("p", { class: "muted", id: "draft-by" }, t("classroom.student.draftBy", { name: draft.by })) : null,
          current.length === 0 ? h("p", { class: "muted" }, t("classroom.student.emptyDraft")) : h("ol", { id: "draft-list" }, ...current.map((o, i) =>
            h("li", {}, orderText(o), " ", h("button", { type: "button", class: "small", "aria-label": `${t("classroom.student.remove")}: ${orderText(o)}`,
              onclick: () => void sendDraft(current.filter((_, j) => j !== i), view) }, t("classroom.student.remove"))))),
          h("div", { class: "actions" }, submit, pass), error,
          h("h3", {}, t("classroom.student.actions")),
          h("div", { id: "draft-actions" }, ...view.legal.map((l) => actionRow(l, view, current))));
      }
    }
    decisions.hidden = false;
    if (inboxPanel) {
      inboxPanel.render(view);
      if (!decisions.contains(inboxPanel.el)) replace(decisions, inboxPanel.el);
    }
  }
  const unsubscribe = link.subscribe(render);
  const stop = everySecond(() => { const s = link.state(); if (s?.started) render(); });
  render();
  return () => { unsubscribe(); stop(); el.remove(); };
}
