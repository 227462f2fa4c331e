import { t } from "../i18n/strings.ts";
import { h, replace } from "../ui/dom.ts";
import { roundLine } from "./seatsTable.ts";
import { mountClassGame } from "./board.ts";
import { everySecond, teacherRequest, timeLeft } from "./common.ts";
import type { ClassLink } from "./net.ts";
import { TeacherSeats } from "./teacherSeats.ts";

/** What the dashboard lends the map while it shows: its view switch and its banner (moved here, handed back after). */
export interface TeacherMapParts {
  switcher: HTMLElement;
  banner: HTMLElement;
}

/**
 * The teacher's map while the class plays: the game screen as the projector shows it, with beside it the round and
 * the clock, the controls a lesson needs from minute to minute (pause or resume, advance the phase, +30 s), and a
 * Seats tab with every seat's agenda and each bot seat's latest reason. The rest (roster, teams, timer, lock,
 * message) is one click away in the class view.
 */
export function teacherMap(root: HTMLElement, link: ClassLink, parts: TeacherMapParts): () => void {
  const clock = h("p", { class: "teacher-clock", id: "map-status", role: "timer", "aria-live": "off" });
  const error = h("p", { class: "error", role: "alert", id: "map-error" });
  const send = teacherRequest(link, error);
  const act = (id: string, label: string, type: "pause" | "resume" | "advance" | "extendTimer", payload: unknown = {}, cls = "") =>
    h("button", { type: "button", id, class: cls, onclick: () => void send(type, payload) }, label);
  const pause = act("map-pause", t("classroom.dash.pause"), "pause");
  const resume = act("map-resume", t("classroom.dash.resume"), "resume", {}, "primary");
  const advance = act("map-advance", t("classroom.dash.advance"), "advance");
  const extend = act("map-extend", t("classroom.dash.extend"), "extendTimer", { seconds: 30 });
  const seats = new TeacherSeats();
  const aside = h("section", { class: "teacher-aside", id: "teacher-aside", "aria-label": t("classroom.dash.controls") },
    parts.switcher, clock, h("div", { class: "teacher-quick" }, pause, resume, advance, extend), error);
  const unmount = mountClassGame(root, link, {
    tabs: ["seats", "log"], panels: { seats: seats.el }, aside, overlay: parts.banner, className: "teacher-game",
    // The dashboard's own switch leads to the class; leaving is not a step of a lesson.
    leave: false, viewerLabel: t("classroom.viewer.teacher"),
    // Chosen as "Map", it shows the map on a phone too; the seats are a tab away.
    phoneMap: true,
  });

  const tick = () => {
    const state = link.state();
    // The time left never breaks across lines: a teacher reads it at a glance.
    if (state) replace(clock, `${roundLine(state)} · `, h("span", { class: "nowrap" }, timeLeft(state)));
  };
  function render(): void {
    const state = link.state();
    const game = link.current?.game;
    const view = game?.view();
    if (!state || !game || !view) return;
    pause.hidden = state.paused;
    resume.hidden = !state.paused;
    // +30 s lengthens a running countdown (or a paused one); with none there is nothing to lengthen.
    (extend as HTMLButtonElement).disabled = state.timerEndsAt <= 0 && !state.paused;
    seats.render(state, view);
    tick();
  }
  const unsubscribe = link.subscribe(render);
  const stop = everySecond(tick);
  render();
  return () => { unsubscribe(); stop(); unmount(); };
}
