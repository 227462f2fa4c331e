import { ACTION_BY_ID, AGENDA_BY_ID } from "../../shared/content/index.ts";
import { SEATS, type Order, type Seat } from "../../shared/engine/index.ts";
import type { TeamDraft } from "../../shared/protocol/classroom.ts";
import type { MatchState } from "../../shared/protocol/state.ts";
import { h, replace } from "../ui/dom.ts";
import { busy, selectField, textField } from "../ui/forms.ts";
import { SEAT_COLOURS } from "../ui/palette.ts";
import { agendaTitle, language, t } from "../i18n/strings.ts";
import { orderLabel } from "../panels/labels.ts";
import { roundLine } from "./seatsTable.ts";
import { ClassBanner, everySecond, joinLinkFor, joinLinks, onLoopback, page, saved, serverUrl, teacherRequest, timeLeft } from "./common.ts";
import { teacherKeyBox } from "./teacherKey.ts";
import { teacherMap } from "./teacherMap.ts";
import { ViewSwitch } from "./viewSwitch.ts";
import { ClassLink, createClass } from "./net.ts";


/** Create a class, or reopen one with its code and key (the key this browser remembers is filled in). */
export function teacherStart(root: HTMLElement, onLink: (link: ClassLink) => void): () => void {
  const name = textField("class-name", t("classroom.create.name"), "", { maxlength: 40, placeholder: t("classroom.create.namePlaceholder") });
  const length = selectField("class-length", t("menu.length"), ["short", "standard"].map((l) => [l, t(`length.${l}`)]), "short");
  const mode = selectField("class-mode", t("menu.mode"), ["full", "powers"].map((m) => [m, t(`mode.${m}`)]), "full");
  const timer = selectField("class-timer", t("menu.timer"), [["0", t("menu.timerNone")], ["120", t("menu.timerMinutes", { count: 2 })], ["180", t("menu.timerMinutes", { count: 3 })], ["300", t("menu.timerMinutes", { count: 5 })]], "180");
  const error = h("p", { class: "error", role: "alert" });
  const create = h("button", { class: "primary", type: "button", id: "create-class" }, t("classroom.create.start"));
  create.addEventListener("click", () => void busy(create, error, async () => {
    const created = await createClass(serverUrl(), {
      name: name.input.value.trim() || t("classroom.create.defaultName"), length: length.select.value as "short", mode: mode.select.value as "full", timerSeconds: Number(timer.select.value),
    });
    saved.setTeacher(created);
    await open(created.code, created.key);
  }));
  const last = saved.teacher();
  const code = textField("reopen-code", t("classroom.create.code"), last?.code ?? "", { maxlength: 12 });
  const key = textField("reopen-key", t("classroom.create.key"), last?.key ?? "", { maxlength: 128, type: "password" });
  const reopenError = h("p", { class: "error", role: "alert" });
  const reopen = h("button", { type: "button", id: "reopen-class" }, t("classroom.create.open"));
  reopen.addEventListener("click", () => void busy(reopen, reopenError, async () => {
    saved.setTeacher({ code: code.input.value.trim().toUpperCase(), key: key.input.value.trim() });
    await open(code.input.value.trim(), key.input.value.trim());
  }));
  async function open(c: string, k: string): Promise<void> {
    const link = new ClassLink({ url: serverUrl(), code: c.toUpperCase(), role: "teacher", key: k });
    await link.start();
    onLink(link);
  }
  const el = page("teacher-start",
    h("h1", {}, t("classroom.teach")),
    h("div", { class: "grid" },
      h("section", { class: "card", "aria-labelledby": "create-class-h" },
        h("h2", { id: "create-class-h" }, t("classroom.create.heading")), name.wrap, h("div", { class: "row" }, length.wrap, mode.wrap), timer.wrap,
        h("div", { class: "actions" }, create), error),
      h("section", { class: "card", "aria-labelledby": "reopen-h" },
        h("h2", { id: "reopen-h" }, t("classroom.create.reopen")), h("p", { class: "hint" }, t("classroom.create.reopenHint")), code.wrap, key.wrap,
        h("div", { class: "actions" }, reopen), reopenError)));
  root.appendChild(el);
  create.focus();
  // Back on the dashboard after a reload in this tab (a new language chosen with the picker, or a refresh).
  const resume = sessionStorage.getItem(DASHBOARD_OPEN);
  if (resume && last && last.code === resume && last.key) void busy(reopen, reopenError, () => open(last.code, last.key));
  return () => el.remove();
}

/** This tab had the dashboard of this class open (sessionStorage: it lasts as long as the tab). */
const DASHBOARD_OPEN = "ngg.teacher.dashboard";

/**
 * The teacher's dashboard: roster and teams, every control, and every seat's secret agenda, draft and orders.
 * While the game runs it opens on the map (the game screen, as the projector shows it, with the teacher's quick
 * controls and each seat's agenda and bot's reason beside it); a Map / Class switch goes back and forth.
 */
export function teacherDashboard(root: HTMLElement, link: ClassLink): () => void {
  const code = link.creds.code;
  sessionStorage.setItem(DASHBOARD_OPEN, code);
  const banner = new ClassBanner();
  const status = h("p", { class: "muted", id: "dash-status", "aria-live": "polite" });
  const error = h("p", { class: "error", role: "alert", id: "dash-error" });
  const done = h("p", { class: "ok-msg", role: "status", id: "dash-done", "aria-live": "polite" });
  const send = teacherRequest(link, error, [done]);
  const button = (id: string, label: string, type: Parameters<ClassLink["request"]>[0], payload: () => unknown = () => ({}), cls = "") =>
    h("button", { type: "button", id, class: cls, onclick: () => void send(type, payload()) }, label);

  const timerInput = h("input", { id: "timer-seconds", type: "number", min: 0, max: 3600, step: 30, style: "width:90px", "aria-label": t("classroom.dash.timer") });
  const message = h("input", { id: "broadcast-text", class: "broadcast-input", maxlength: 200, "aria-label": t("classroom.dash.broadcast") });
  const startBtn = button("class-start", t("classroom.dash.start"), "startClass", () => ({}), "primary");
  const pauseBtn = button("class-pause", t("classroom.dash.pause"), "pause");
  const resumeBtn = button("class-resume", t("classroom.dash.resume"), "resume", () => ({}), "primary");
  const lockBtn = h("button", { type: "button", id: "class-lock", onclick: () => void send("lock", { locked: !link.state()?.locked }) });
  const controls = h("div", { class: "controls", id: "class-controls" },
    startBtn, pauseBtn, resumeBtn,
    button("class-advance", t("classroom.dash.advance"), "advance"),
    h("div", {}, h("label", { for: "timer-seconds" }, t("classroom.dash.timer")), h("div", { class: "row" }, timerInput,
      button("timer-set", t("classroom.dash.setTimer"), "setTimer", () => ({ seconds: Number(timerInput.value) || 0 })))),
    button("timer-extend", t("classroom.dash.extend"), "extendTimer", () => ({ seconds: 30 })),
    button("timer-skip", t("classroom.dash.skip"), "skipTimer"),
    lockBtn,
    h("div", {}, h("label", { for: "broadcast-text" }, t("classroom.dash.broadcast")), h("div", { class: "row" }, message,
      button("broadcast-send", t("classroom.dash.send"), "broadcast", () => ({ text: message.value.trim() })),
      button("broadcast-clear", t("classroom.dash.clear"), "broadcast", () => { message.value = ""; return { text: "" }; }))),
  );
  const roster = h("section", { class: "card", id: "roster", "aria-labelledby": "roster-h" });
  const teams = h("section", { class: "card", id: "teams", "aria-labelledby": "teams-h" });
  // The join link students can reach (PUBLIC_URL, or this machine's network address when the page is on localhost).
  const links = h("span", { id: "dash-links" }, h("a", { href: joinLinkFor(code), id: "dash-link" }, joinLinkFor(code)));
  const localOnly = h("p", { class: "error", id: "dash-local-only", hidden: true }, t("classroom.dash.localOnly"));
  let reachable = location.origin + location.pathname;
  void joinLinks(code).then((all) => {
    reachable = new URL(all[0]!).origin + location.pathname;
    replace(links, ...all.map((url, i) => [i === 1 ? ` (${t("classroom.dash.alsoAt")} ` : i > 1 ? ", " : "", h("a", { href: url, id: i === 0 ? "dash-link" : `dash-link-${i}` }, url)]), all.length > 1 ? ")" : "");
    localOnly.hidden = !all.every((url) => onLoopback(new URL(url).hostname));
  });
  const keyBox = teacherKeyBox({ code, key: link.creds.key ?? "", name: () => link.state()?.name ?? code, address: () => reachable },
    (text) => { done.textContent = text; });
  const viewSwitch = new ViewSwitch(() => { route(); viewSwitch.focus(); });
  const switchSlot = h("div", { class: "view-switch-slot" }, viewSwitch.el);
  const header = h("header", {},
    h("div", { class: "dash-title-row" }, h("h1", { id: "dash-title" }), switchSlot),
    h("p", {}, `${t("classroom.dash.code")}: `, h("strong", { id: "dash-code", style: "font-size:22px;letter-spacing:.1em" }, code), " · ",
      `${t("classroom.dash.link")}: `, links, " · ",
      h("a", { href: `?projector=${encodeURIComponent(code)}&lang=${language()}`, target: "_blank", id: "open-projector" }, t("classroom.dash.projector")), " · ",
      h("a", { href: `?debrief=${encodeURIComponent(code)}&lang=${language()}`, target: "_blank", id: "open-debrief" }, t("classroom.dash.debrief"))),
    localOnly, keyBox, status);
  const el = page("teacher", banner.el, header, h("section", { class: "card" }, h("h2", {}, t("classroom.dash.controls")), controls, error, done),
    h("div", { class: "grid" }, roster, teams));
  root.appendChild(el);

  /** The map while it shows: the dashboard lends it the switch and the banner, and hides itself. */
  let unmountMap: (() => void) | null = null;
  /** The map once the game runs and the teacher has not chosen the class view; before the start and at the end, the class view. */
  function route(): void {
    const state = link.state();
    const running = !!state?.started && state.phase !== "ended" && !!link.current?.game.view();
    const map = running && viewSwitch.value === "map";
    if (map && !unmountMap) {
      el.hidden = true;
      unmountMap = teacherMap(root, link, { switcher: viewSwitch.el, banner: banner.el });
    } else if (!map && unmountMap) {
      unmountMap();
      unmountMap = null;
      el.prepend(banner.el);
      switchSlot.appendChild(viewSwitch.el);
      el.hidden = false;
    }
    viewSwitch.el.hidden = !running;
  }

  /** A roster row being edited in place: a new nickname being typed, or a removal waiting for its confirmation. */
  let editing: { name: string; kind: "rename" | "remove"; value: string } | null = null;
  const stopEditing = (focusId: string | null) => {
    editing = null;
    const state = link.state();
    if (state) renderRoster(state);
    if (focusId) (document.getElementById(focusId) as HTMLElement | null)?.focus();
  };

  let seeded = false;
  function render(): void {
    const state = link.state();
    route();
    banner.render(link);
    if (!state) return;
    replace(el.querySelector("#dash-title")!, t("classroom.dash.heading", { name: state.name }));
    status.textContent = `${roundLine(state)} · ${timeLeft(state)}`;
    if (!seeded) {
      timerInput.value = String(state.timerSeconds);
      message.value = state.broadcast;
      seeded = true;
    }
    startBtn.hidden = state.started;
    pauseBtn.hidden = !state.started || state.paused || state.phase === "ended";
    resumeBtn.hidden = !state.paused;
    lockBtn.textContent = state.locked ? t("classroom.dash.unlock") : t("classroom.dash.lock");
    lockBtn.setAttribute("aria-pressed", String(state.locked));
    renderRoster(state);
    renderTeams(state);
  }

  const seatChoices = (state: MatchState): Seat[] => SEATS.filter((s) => state.seats.has(s) && (state.mode !== "powers" || s === "russia" || s === "china"));

  function renderRoster(state: MatchState): void {
    const focused = document.activeElement?.id;
    const students: { name: string; seat: string; connected: boolean; newDevice: string }[] = [];
    state.members.forEach((m) => students.push({ name: m.name, seat: m.seat, connected: m.connected, newDevice: m.newDevice }));
    // By name alone: assigning a team must not move the row under the teacher's cursor.
    students.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: "base" }));
    if (editing && !students.some((s) => s.name === editing!.name)) editing = null;
    const key = JSON.stringify([students, state.mode, editing]);
    if (roster.dataset.key === key) return;
    roster.dataset.key = key;
    replace(roster,
      h("h2", { id: "roster-h" }, t("classroom.dash.roster", { count: students.length }), " ",
        h("button", { type: "button", class: "small", id: "random-teams", onclick: () => void send("randomTeams") }, t("classroom.dash.random"))),
      students.length === 0 ? h("p", { class: "muted" }, t("classroom.dash.noStudents")) : h("table", {},
        h("tbody", {}, ...students.map((s, i) => {
          const select = h("select", { id: `assign-${i}`, "data-student": s.name, "aria-label": t("classroom.dash.seatOf", { name: s.name }) },
            h("option", { value: "", selected: !s.seat }, t("classroom.dash.none")),
            ...seatChoices(state).map((seat) => h("option", { value: seat, selected: s.seat === seat }, t(`seat.${seat}`))));
          select.addEventListener("change", () => void send("assign", { name: s.name, seat: select.value || null }));
          return h("tr", { "data-student": s.name },
            h("th", { scope: "row" }, s.name, s.connected ? "" : h("span", { class: "pill offline" }, t("classroom.dash.offline")),
              s.newDevice ? h("span", { class: `pill device-${s.newDevice}`, "data-device": s.newDevice }, t(`classroom.dash.device.${s.newDevice}`)) : ""),
            h("td", {}, select),
            h("td", {}, editing?.name === s.name ? editor(editing, i) : rowActions(s.name, i, s.newDevice)));
        }))));
    if (focused) (document.getElementById(focused) as HTMLElement | null)?.focus();
  }

  function rowActions(name: string, i: number, newDevice: string): HTMLElement {
    const open = (kind: "rename" | "remove") => {
      editing = { name, kind, value: name };
      const state = link.state();
      if (state) renderRoster(state);
      (document.getElementById(kind === "rename" ? "rename-input" : "remove-no") as HTMLElement | null)?.focus();
    };
    return h("span", { class: "row-actions" },
      h("button", { type: "button", class: "small", id: `rename-${i}`, "data-rename": name, "aria-label": `${t("classroom.dash.rename")}: ${name}`, onclick: () => open("rename") }, t("classroom.dash.rename")), " ",
      h("button", { type: "button", class: "small", id: `remove-${i}`, "data-remove": name, "aria-label": `${t("classroom.dash.remove")}: ${name}`, onclick: () => open("remove") }, t("classroom.dash.remove")), " ",
      // A student on a new device (a flat battery, another computer): their nickname is given to it only with the teacher's leave.
      newDevice === "allowed" ? null : h("button", { type: "button", class: "small", id: `device-${i}`, "data-device-for": name,
        onclick: () => void send("allowNewDevice", { name }).then((r) => { if (r.ok) done.textContent = t("classroom.dash.device.done", { name }); }) },
      t("classroom.dash.device.allow", { name })));
  }

  /** Rename or remove in place: Enter confirms, Escape goes back to the row's buttons. */
  function editor(edit: { name: string; kind: "rename" | "remove"; value: string }, i: number): HTMLElement {
    const back = `${edit.kind}-${i}`;
    const onKey = (e: KeyboardEvent) => { if (e.key === "Escape") { e.preventDefault(); stopEditing(back); } };
    if (edit.kind === "remove") {
      const yes = h("button", { type: "button", class: "small danger", id: "remove-yes", onclick: () => void send("remove", { name: edit.name }).then((r) => {
        if (r.ok) { done.textContent = t("classroom.dash.removed", { name: edit.name }); stopEditing(null); }
      }) }, t("classroom.dash.remove"));
      const no = h("button", { type: "button", class: "small", id: "remove-no", onclick: () => stopEditing(back) }, t("classroom.dash.keep"));
      const box = h("span", { class: "inline-edit", role: "group", "aria-label": t("classroom.dash.removeConfirm", { name: edit.name }) },
        h("span", {}, t("classroom.dash.removeConfirm", { name: edit.name })), " ", yes, " ", no);
      box.addEventListener("keydown", onKey);
      return box;
    }
    const input = h("input", { id: "rename-input", maxlength: 20, value: edit.value, "aria-label": t("classroom.dash.renameLabel", { name: edit.name }) });
    input.addEventListener("input", () => { edit.value = input.value; });
    const save = async () => {
      const to = input.value.trim().replace(/[<>]/g, "");
      if (!to || to === edit.name) return stopEditing(back);
      const reply = await send("rename", { name: edit.name, to });
      if (reply.ok) {
        done.textContent = t("classroom.dash.renamed", { name: edit.name, to });
        stopEditing(null);
      } else input.focus();
    };
    input.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); void save(); } else onKey(e); });
    const box = h("span", { class: "inline-edit" }, input, " ",
      h("button", { type: "button", class: "small primary", id: "rename-save", onclick: () => void save() }, t("classroom.dash.save")), " ",
      h("button", { type: "button", class: "small", id: "rename-cancel", onclick: () => stopEditing(back) }, t("classroom.dash.cancel")));
    box.addEventListener("keydown", (e) => { if (e.target !== input) onKey(e); });
    return box;
  }

  function renderTeams(state: MatchState): void {
    const cards: HTMLElement[] = [];
    state.seats.forEach((entry, seat) => {
      const secret = state.secrets?.get(seat);
      const orders = secret ? (JSON.parse(secret.orders) as Order[]) : [];
      const draft = secret?.draft ? (JSON.parse(secret.draft) as TeamDraft) : null;
      const agenda = secret?.agenda ? AGENDA_BY_ID.get(secret.agenda) : null;
      const isBot = entry.controller === "bot";
      cards.push(h("div", { class: "card seat-card", style: `--swatch:${SEAT_COLOURS[seat as Seat]};margin:6px 0;padding:8px 12px`, "data-seat": seat },
        h("div", { class: "row", style: "justify-content:space-between" },
          h("strong", {}, t(`seat.${seat}`), " · ", isBot ? t("classroom.dash.bot") : t("classroom.dash.human")),
          // Only a seat with a team can go back to it: a seat nobody plays stays with its bot.
          state.started && (entry.players.length > 0 || !isBot) ? h("button", { type: "button", class: "small", id: `controller-${seat}`, style: "flex:0 0 auto",
            onclick: () => void send("setSeatController", { seat, controller: isBot ? "human" : "bot" }) }, isBot ? t("classroom.dash.toHuman") : t("classroom.dash.toBot")) : null),
        h("div", {}, ...[...entry.players].map((n) => h("span", { class: "pill" }, n))),
        agenda ? h("div", { class: "secret", "data-secret": seat }, h("strong", {}, `${t("classroom.dash.agenda")}: `), agendaTitle(agenda.id)) : null,
        state.phase === "orders" ? h("div", {}, `${t("classroom.dash.orders")}: `, entry.submitted ? `✔ ${t("classroom.dash.submitted")}` : `… ${t("classroom.dash.notSubmitted")}`) : null,
        orders.length > 0 ? h("ul", { class: "plain" }, ...orders.map((o) => h("li", {}, orderLabel(o)))) : null,
        draft && !entry.submitted ? h("div", { class: "muted" }, t("classroom.dash.draft", { name: draft.by }), ": ", draft.orders.map((o) => orderLabel(o)).join("; ") || "—") : null));
    });
    const key = JSON.stringify(cards.map((c) => c.textContent));
    if (teams.dataset.key === key) return;
    teams.dataset.key = key;
    replace(teams, h("h2", { id: "teams-h" }, t("classroom.dash.teams")), ...cards);
  }

  const unsubscribe = link.subscribe(render);
  const stopTick = everySecond(() => { const s = link.state(); if (s) status.textContent = `${roundLine(s)} · ${timeLeft(s)}`; });
  render();
  return () => {
    unsubscribe();
    stopTick();
    unmountMap?.();
    el.remove();
  };
}
