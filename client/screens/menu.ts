import { SEATS, type Seat } from "../../shared/engine/index.ts";
import { LocalConnection, type SoloSetup } from "../net/localConnection.ts";
import { createOnline, joinLink, joinOnline, listPublicMatches } from "../net/online.ts";
import { parseJoinInput } from "../config.ts";
import { h, replace } from "../ui/dom.ts";
import { busy, checkField, selectField, textField } from "../ui/forms.ts";
import { SEAT_COLOURS } from "../ui/palette.ts";
import { errorText, t } from "../i18n/strings.ts";
import { myGamesSection } from "./myGames.ts";
import type { Screen } from "./types.ts";

const NAME_KEY = "ngg.name";

function savedName(): string {
  return localStorage.getItem(NAME_KEY) || t("common.defaultName");
}

function seatPicker(name: string, selected: Seat, seats: readonly Seat[] = SEATS): { wrap: HTMLElement; value: () => Seat } {
  const wrap = h("fieldset", { class: "seat-picker", style: "border:none;padding:0;margin:0" },
    h("legend", { class: "visually-hidden" }, t("menu.seat")),
    ...seats.map((s) => h("label", { style: `--swatch:${SEAT_COLOURS[s]}` },
      h("input", { type: "radio", name, value: s, checked: s === selected }),
      h("span", {}, t(`seat.${s}`)),
    )),
  );
  return { wrap, value: () => ((wrap.querySelector("input:checked") as HTMLInputElement | null)?.value ?? selected) as Seat };
}

/**
 * A mode choice tied to a seat picker: in Great Powers mode only Russia and China are people's seats (the rest are
 * bots), so the other seats are disabled and a chosen one falls back to Russia.
 */
function modeField(id: string, picker: HTMLElement) {
  const field = selectField(id, t("menu.mode"), (["full", "powers"] as const).map((m) => [m, t(`mode.${m}`)]), "full");
  field.select.addEventListener("change", () => {
    const powers = field.select.value === "powers";
    for (const input of picker.querySelectorAll<HTMLInputElement>("input[type=radio]")) {
      input.disabled = powers && input.value !== "russia" && input.value !== "china";
      if (input.disabled && input.checked) (picker.querySelector("input[value=russia]") as HTMLInputElement).checked = true;
    }
  });
  return { wrap: field.wrap, value: () => field.select.value as "full" | "powers" };
}

export const menuScreen: Screen = (root, app) => {
  const name = textField("player-name", t("common.yourName"), savedName(), { maxlength: 24 });
  name.input.addEventListener("change", () => localStorage.setItem(NAME_KEY, name.input.value.trim()));
  const playerName = () => name.input.value.trim().replace(/[<>]/g, "").slice(0, 24) || t("common.defaultName");

  // Solo
  const soloSeat = seatPicker("solo-seat", "russia");
  const level = selectField("solo-level", t("menu.botLevel"), ["easy", "normal", "hard"].map((l) => [l, t(`level.${l}`)]), "normal");
  const length = selectField("solo-length", t("menu.length"), ["short", "standard"].map((l) => [l, t(`length.${l}`)]), "short");
  const year = selectField("solo-year", t("menu.startYear"), ["2016", "2019", "2022"].map((y) => [y, y]), "2016");
  const soloMode = modeField("solo-mode", soloSeat.wrap);
  const soloError = h("p", { class: "error", role: "alert" });
  const startSolo = h("button", { class: "primary", type: "button", id: "start-solo" }, t("menu.startSolo"));
  startSolo.addEventListener("click", () => {
    localStorage.setItem(NAME_KEY, playerName());
    const setup: SoloSetup = {
      playerName: playerName(), seat: soloSeat.value(), botLevel: level.select.value as SoloSetup["botLevel"],
      length: length.select.value as SoloSetup["length"], mode: soloMode.value(), startYear: Number(year.select.value) as SoloSetup["startYear"], west: true,
    };
    try {
      app.enter(LocalConnection.start(setup, { botDelayMs: app.options.botDelayMs }, app.options.seed ?? undefined));
    } catch (e) {
      soloError.textContent = t("errors.generic", { message: errorText(e) });
    }
  });
  const resume = LocalConnection.hasSave()
    ? h("button", { type: "button", id: "resume-solo", onclick: () => { const c = LocalConnection.resume({ botDelayMs: app.options.botDelayMs }); if (c) app.enter(c); } }, t("menu.resumeSolo"))
    : null;

  // Create online
  const visibility = selectField("online-visibility", t("menu.create"), [["private", t("menu.private")], ["public", t("menu.public")]], "private");
  const onlineSeat = seatPicker("online-seat", "russia");
  const onlineMode = modeField("online-mode", onlineSeat.wrap);
  const onlineLength = selectField("online-length", t("menu.length"), ["short", "standard"].map((l) => [l, t(`length.${l}`)]), "short");
  const timer = selectField("online-timer", t("menu.timer"), [
    ["0", t("menu.timerNone")], ["60", t("menu.timerSeconds", { count: 60 })], ["120", t("menu.timerMinutes", { count: 2 })],
    ["180", t("menu.timerMinutes", { count: 3 })], ["300", t("menu.timerMinutes", { count: 5 })],
    ["3600", t("menu.timerHours", { count: 1 })], ["86400", t("menu.timerHours", { count: 24 })],
  ], "0");
  const onlineLevel = selectField("online-level", t("menu.botLevel"), ["easy", "normal", "hard"].map((l) => [l, t(`level.${l}`)]), "normal");
  const createError = h("p", { class: "error", role: "alert" });
  const create = h("button", { class: "primary", type: "button", id: "create-online" }, t("menu.createButton"));
  create.addEventListener("click", () => void busy(create, createError, async () => {
    create.textContent = t("menu.creating");
    localStorage.setItem(NAME_KEY, playerName());
    const conn = await createOnline({
      name: playerName(), public: visibility.select.value === "public", length: onlineLength.select.value as "short",
      mode: onlineMode.value(), timerSeconds: Number(timer.select.value), botLevel: onlineLevel.select.value as "normal", seat: onlineSeat.value(),
    }).catch((e: unknown) => { throw new Error(t("menu.serverUnavailable", { message: errorText(e) })); });
    app.enter(conn);
  }));

  // Join
  const code = textField("join-code", t("menu.joinCode"), app.options.join ?? "", { placeholder: "ABCD12", maxlength: 200 });
  const joinError = h("p", { class: "error", role: "alert" });
  const join = h("button", { class: "primary", type: "button", id: "join-online" }, t("menu.joinButton"));
  const doJoin = (target: string, button: HTMLButtonElement, errorEl: HTMLElement) => busy(button, errorEl, async () => {
    button.textContent = t("menu.joining");
    localStorage.setItem(NAME_KEY, playerName());
    app.enter(await joinOnline(target, { name: playerName() }));
  });
  join.addEventListener("click", () => {
    const parsed = parseJoinInput(code.input.value);
    if (!parsed) { joinError.textContent = t("menu.badCode"); code.input.focus(); return; }
    void doJoin(parsed, join, joinError);
  });
  code.input.addEventListener("keydown", (e) => { if (e.key === "Enter") join.click(); });

  // Browse
  const list = h("ul", { class: "match-list", "aria-live": "polite" });
  const browseError = h("p", { class: "error", role: "alert" });
  const refresh = h("button", { type: "button", class: "small" }, t("menu.refresh"));
  const loadList = () => busy(refresh, browseError, async () => {
    const matches = await listPublicMatches();
    replace(list, matches.length === 0 ? h("li", {}, t("menu.noMatches")) : matches.map((m) => {
      const b = h("button", { type: "button", class: "small" }, t("menu.joinListed", { name: m.name }));
      b.addEventListener("click", () => void doJoin(m.roomId, b, browseError));
      return h("li", {}, h("span", {}, t("menu.matchLine", { name: m.name, free: m.seatsFree ?? "?", seats: m.seats ?? "?", players: m.clients ?? 0, length: m.length ? t(`lengthShort.${m.length}`, { defaultValue: m.length }) : "" })), b);
    }));
  }).catch(() => undefined);
  refresh.addEventListener("click", () => void loadList());

  const el = h("div", { class: "menu" },
    h("header", {}, h("h1", {}, t("app.title")), h("p", {}, t("app.tagline")), h("div", { class: "name-field" }, name.wrap)),
    h("div", { class: "menu-grid" },
      myGamesSection(app),
      h("section", { class: "card", "aria-labelledby": "solo-h" },
        h("h2", { id: "solo-h" }, t("menu.solo")), h("p", { class: "hint" }, t("menu.soloHint")),
        soloMode.wrap, h("label", {}, t("menu.seat")), soloSeat.wrap,
        h("div", { class: "row" }, level.wrap, year.wrap), length.wrap,
        h("div", { class: "actions" }, startSolo, resume), soloError,
      ),
      h("section", { class: "card", "aria-labelledby": "create-h" },
        h("h2", { id: "create-h" }, t("menu.online")),
        visibility.wrap,
        onlineMode.wrap, h("label", {}, t("menu.seat")), onlineSeat.wrap,
        h("div", { class: "row" }, onlineLength.wrap), h("div", { class: "row" }, timer.wrap, onlineLevel.wrap),
        h("div", { class: "actions" }, create), createError,
      ),
      h("section", { class: "card", "aria-labelledby": "join-h" },
        h("h2", { id: "join-h" }, t("menu.join")),
        code.wrap, h("div", { class: "actions" }, join), joinError,
        h("h2", { style: "margin-top:18px", id: "browse-h" }, t("menu.browse"), " ", refresh),
        list, browseError,
      ),
      h("section", { class: "card", "aria-labelledby": "class-h" },
        h("h2", { id: "class-h" }, t("classroom.menuHeading")), h("p", { class: "hint" }, t("classroom.menuHint")),
        h("div", { class: "actions" },
          h("a", { class: "button-link", href: "?teach", id: "teach-class" }, t("classroom.teach")),
          h("a", { class: "button-link", href: "?class=", id: "join-class" }, t("classroom.joinClass"))),
      ),
    ),
  );
  root.appendChild(el);
  void loadList();
  if (app.options.join) join.focus();
  else startSolo.focus();
  void joinLink;
  return () => el.remove();
};
