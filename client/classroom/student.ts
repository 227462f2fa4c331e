import type { Order } from "../../shared/engine/index.ts";
import type { TeamDraft } from "../../shared/protocol/classroom.ts";
import type { SharedPlan } from "../panels/orders.ts";
import { h, replace } from "../ui/dom.ts";
import { busy, textField } from "../ui/forms.ts";
import { SEAT_COLOURS } from "../ui/palette.ts";
import { t } from "../i18n/strings.ts";
import { roundLine } from "./seatsTable.ts";
import { mountClassEnd, mountClassGame } from "./board.ts";
import { ClassBanner, everySecond, joinError, page, saved, serverUrl, timeLeft } from "./common.ts";
import { ClassLink } from "./net.ts";

/** Code and nickname, nothing else: no account, no e-mail. */
export function studentJoin(root: HTMLElement, code: string, onLink: (link: ClassLink) => void): () => void {
  const last = saved.student();
  const codeField = textField("student-code", t("classroom.student.code"), code, { maxlength: 12 });
  const nick = textField("student-name", t("classroom.student.nickname"), last && last.code === code ? last.name : "", { maxlength: 20 });
  const error = h("p", { class: "error", role: "alert", id: "student-error" });
  const join = h("button", { class: "primary", type: "button", id: "student-join" }, t("classroom.student.join"));
  join.addEventListener("click", () => void busy(join, error, async () => {
    const creds = { url: serverUrl(), code: codeField.input.value.trim().toUpperCase(), role: "student" as const, name: nick.input.value.trim().replace(/[<>]/g, ""), device: saved.device() };
    const link = new ClassLink(creds, { onCredentials: (c) => saved.setStudent({ code: c.code, name: c.name ?? "" }) });
    try {
      await link.start();
    } catch (e) {
      throw new Error(joinError(e));
    }
    saved.setStudent({ code: creds.code, name: creds.name });
    // The address now names the class, so a reload or a bookmark finds it whichever way the student came in.
    history.replaceState(null, "", `?class=${encodeURIComponent(creds.code)}`);
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
/**
 * A student's class screen. In a team, once the game runs, it is the game screen online players use
 * (map, orders, inbox, log) with the team's shared live draft as the plan, the pause and the teacher's
 * message over the map. Before that, or without a team, a waiting page.
 */
export function studentScreen(root: HTMLElement, link: ClassLink): () => void {
  let mode: "wait" | "game" | "end" | null = null;
  let unmount: () => void = () => {};

  const draftOf = (): TeamDraft | null => {
    const seat = link.current?.game.match().you.seat;
    const raw = seat ? link.state()?.secrets?.get(seat)?.draft : "";
    return raw ? (JSON.parse(raw) as TeamDraft) : null;
  };
  const sharedPlan: SharedPlan = {
    orders: (view) => {
      const draft = draftOf();
      return draft && draft.round === view.round ? (draft.orders as Order[]) : [];
    },
    by: (view) => {
      const draft = draftOf();
      return draft && draft.round === view.round ? draft.by : null;
    },
    set: (orders, view) => link.request("draft", { orders, round: view.round }),
  };

  function wanted(): "wait" | "game" | "end" {
    const conn = link.current;
    const state = link.state();
    if (link.status === "removed" || link.status === "replaced" || !conn || !state?.started || !conn.game.view()) return "wait";
    // Everyone sees how the game ended, a team or not.
    if (state.phase === "ended") return "end";
    return conn.game.match().you.seat ? "game" : "wait";
  }

  function route(): void {
    const next = wanted();
    if (next === mode) return;
    unmount();
    mode = next;
    unmount = next === "game" ? teamGame(root, link, sharedPlan) : next === "end" ? mountClassEnd(root, link) : waitingPage(root, link);
  }
  const unsubscribe = link.subscribe(route);
  route();
  return () => { unsubscribe(); unmount(); };
}

/** The team's game: the game screen, with the team and the class banner. */
function teamGame(root: HTMLElement, link: ClassLink, sharedPlan: SharedPlan): () => void {
  const banner = new ClassBanner();
  const heading = h("h1", { id: "student-heading", class: "team-heading" });
  const members = h("p", { class: "status-line", id: "team-members" });
  const botNote = h("p", { class: "class-note", id: "team-bot", role: "status" }, t("classroom.student.botPlays"));
  const aside = h("section", { class: "team-box", "aria-labelledby": "student-heading" }, heading, members, botNote);
  const unmount = mountClassGame(root, link, { sharedPlan, overlay: banner.el, aside, className: "class-team" });
  function render(): void {
    banner.render(link);
    const state = link.state();
    const seat = link.current?.game.match().you.seat;
    if (!state || !seat) return;
    heading.textContent = t("classroom.student.team", { seat: t(`seat.${seat}`) });
    aside.style.setProperty("--swatch", SEAT_COLOURS[seat]);
    members.textContent = t("classroom.student.members", { names: [...(state.seats.get(seat)?.players ?? [])].join(", ") });
    botNote.hidden = state.seats.get(seat)?.controller !== "bot";
  }
  const unsubscribe = link.subscribe(render);
  render();
  return () => { unsubscribe(); unmount(); };
}

/** Before the game, or without a team: who the student is, the team if any, and what happens next. */
function waitingPage(root: HTMLElement, link: ClassLink): () => void {
  const banner = new ClassBanner();
  const heading = h("h1", { id: "student-heading" });
  const status = h("p", { class: "muted", id: "student-status", "aria-live": "polite" });
  const el = page("student", banner.el, h("section", { class: "card", style: "max-width:640px" }, heading, status));
  root.appendChild(el);
  function render(): void {
    banner.render(link);
    const state = link.state();
    const conn = link.current;
    if (link.status === "removed" || link.status === "replaced") {
      heading.textContent = t(`classroom.status.${link.status}`);
      status.textContent = "";
      return;
    }
    if (!state || !conn) return;
    const seat = conn.game.match().you.seat;
    heading.textContent = seat ? t("classroom.student.team", { seat: t(`seat.${seat}`) }) : t("classroom.student.waiting", { name: link.creds.name ?? "" });
    heading.style.borderLeft = seat ? `8px solid ${SEAT_COLOURS[seat]}` : "";
    heading.style.paddingLeft = seat ? "8px" : "";
    const team = seat ? [...(state.seats.get(seat)?.players ?? [])] : [];
    status.textContent = [team.length ? t("classroom.student.members", { names: team.join(", ") }) : "", roundLine(state), state.started ? timeLeft(state) : t("classroom.projector.waiting")]
      .filter(Boolean).join(" · ");
  }
  const unsubscribe = link.subscribe(render);
  const stop = everySecond(() => { if (link.state()?.started) render(); });
  render();
  return () => { unsubscribe(); stop(); el.remove(); replace(banner.el); };
}
