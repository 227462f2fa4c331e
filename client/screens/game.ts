import { STATES, type StateId } from "../../shared/engine/index.ts";
import type { Connection } from "../../shared/protocol/connection.ts";
import { board } from "../board/board.ts";
import { DetailsPanel } from "../panels/details.ts";
import { Feed } from "../panels/feed.ts";
import { Guide, guideWanted } from "../panels/guide.ts";
import { myGames } from "../net/myGames.ts";
import { GoalsPanel } from "../panels/goals.ts";
import { RoundSummary } from "../panels/roundSummary.ts";
import { InboxPanel } from "../panels/inbox.ts";
import { LogPanel } from "../panels/log.ts";
import { NewsStrip } from "../panels/news.ts";
import { OrdersPanel, type SharedPlan } from "../panels/orders.ts";
import { SeatsPanel } from "../panels/seats.ts";
import { TopBar } from "../panels/topbar.ts";
import { h, replace } from "../ui/dom.ts";
import { SEAT_COLOURS } from "../ui/palette.ts";
import { t } from "../i18n/strings.ts";
import type { App } from "./types.ts";

export type Tab = "orders" | "inbox" | "log" | "seats";

/** What a screen built on the game screen (a classroom's team or projector) may add or change. */
export interface GameScreenOptions {
  /** The side column's tabs, in order; the first is shown first (default: all four). */
  tabs?: Tab[];
  /** Shown above the tabs in the side column. */
  aside?: HTMLElement;
  /** Laid over the foot of the map: banners every viewer must see (a pause, a teacher's message). */
  overlay?: HTMLElement;
  /** A plan shared with others (a classroom team's live draft) instead of this screen's own. */
  sharedPlan?: SharedPlan;
  /** Extra class on the screen, for its styling. */
  className?: string;
  /** false: no "Leave game" in the top bar (a class's teacher and projector have their own page around it). */
  leave?: boolean;
  /** Who watches, in the top bar, when the viewer plays no seat (default "Watching"). */
  viewerLabel?: string;
  /** false: never offer the first game's walkthrough (a replay). */
  guide?: boolean;
  /** A screen's own panel for a tab instead of the game's (the teacher's seats, with every agenda and the bots' reasons). */
  panels?: Partial<Record<Tab, HTMLElement>>;
  /** On a phone, open on the board instead of the first tab (a screen chosen as "the map"). */
  phoneMap?: boolean;
}

/** The board with its panels: top bar, news, map, state details, orders, inbox, log and seats. */
export function gameScreen(root: HTMLElement, app: App, connection: Connection, options: GameScreenOptions = {}): () => void {
  const tabIds: Tab[] = options.tabs ?? ["orders", "inbox", "log", "seats"];
  let selected: StateId | null = null;
  let tab: Tab = tabIds[0]!;
  let lastPhase = "";

  const topbar = new TopBar(options.leave === false ? null : () => {
    if (confirm(t("game.leaveConfirm"))) void connection.leave().finally(() => app.toMenu());
  }, options.viewerLabel ?? null);
  const orders = new OrdersPanel(connection, (states) => board.setHighlighted(states), () => undefined, options.sharedPlan);
  const inbox = new InboxPanel(connection);
  const log = new LogPanel();
  const seats = new SeatsPanel();
  // Open on a wide screen; on a phone it starts folded to its one-line summary.
  const goals = new GoalsPanel(!window.matchMedia("(max-width: 700px)").matches);
  const summary = new RoundSummary();
  const news = new NewsStrip();
  const feed = new Feed(app.options.feedDelayMs);
  const details = new DetailsPanel(() => select(null));
  const waiting = h("p", { class: "status-line", id: "waiting", "aria-live": "polite", style: "padding:0 12px" });

  const tabButtons = tabIds.map((id) => {
    const b = h("button", { type: "button", role: "tab", id: `tab-${id}`, "aria-controls": `panel-${id}`, "data-tab": id }, t(`game.tabs.${id}`));
    b.addEventListener("click", () => setTab(id));
    return b;
  });
  // On a phone the board and the panels take turns on the screen: this tab shows the board (hidden on wider screens).
  let showMap = false;
  const mapTab = h("button", { type: "button", role: "tab", id: "tab-map", class: "phone-only", "aria-controls": "board-area", "data-tab": "map" }, t("game.tabs.map"));
  mapTab.addEventListener("click", () => setMap(true));
  const phone = window.matchMedia("(max-width: 700px)");
  const onPhoneChange = () => { if (!phone.matches && showMap) setMap(false); };
  phone.addEventListener("change", onPhoneChange);
  const panels: Record<Tab, HTMLElement> = { orders: orders.el, inbox: inbox.el, log: log.el, seats: seats.el, ...options.panels };
  const stateButtons = STATES.map((s, i) => h("button", {
    type: "button", style: `--swatch:${SEAT_COLOURS[s]}`, "data-state": s, "aria-pressed": "false", title: `${i + 1}`,
    onclick: () => select(selected === s ? null : s),
  }, `${i + 1} · ${t(`seat.${s}`)}`));
  const mapArea = h("div", { class: "map-area" }, news.el, details.el);
  const boardArea = h("section", { class: "board-area", id: "board-area", "aria-label": t("game.statesNav") },
    mapArea,
    h("div", { class: "board-strip" },
      // Banners (a pause, a teacher's message) sit above the state buttons, in the flow: never over a state's card.
      options.overlay ? h("div", { class: "strip-overlay" }, options.overlay) : null,
      h("nav", { class: "state-nav", "aria-label": t("game.statesNav") }, ...stateButtons),
      feed.el));
  const side = h("aside", { class: "side" },
    options.aside ?? null,
    goals.el,
    h("div", { class: "tabs", role: "tablist" }, mapTab, ...tabButtons),
    waiting,
    summary.el,
    ...tabIds.map((id) => panels[id]));
  const el = h("div", { class: `game${options.className ? ` ${options.className}` : ""}`, id: "game" }, topbar.el, boardArea, side);
  root.appendChild(el);

  // The Phaser canvas sits behind the HTML, exactly under the board area.
  const boardEl = document.getElementById("board")!;
  const fit = () => {
    const r = mapArea.getBoundingClientRect();
    Object.assign(boardEl.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px`, right: "auto", bottom: "auto" });
    board.resized();
  };
  const observer = new ResizeObserver(fit);
  observer.observe(mapArea);
  fit();
  // The news cards cover the top of the map: the board keeps its map and cards below them.
  const inset = () => board.setInsetTop(news.el.offsetHeight > 0 ? news.el.offsetTop + news.el.offsetHeight : 0);
  const newsObserver = new ResizeObserver(inset);
  newsObserver.observe(news.el);

  function setTab(id: Tab): void {
    if (!tabIds.includes(id)) return;
    tab = id;
    setMap(false);
  }

  function setMap(on: boolean): void {
    showMap = on;
    el.classList.toggle("show-map", on);
    mapTab.setAttribute("aria-selected", String(on));
    for (const b of tabButtons) b.setAttribute("aria-selected", String(!on && b.dataset.tab === tab));
    for (const k of tabIds) panels[k].hidden = on || k !== tab;
  }

  function select(state: StateId | null): void {
    selected = state;
    board.setSelected(state);
    for (const b of stateButtons) b.setAttribute("aria-pressed", String(b.dataset.state === state));
    const v = connection.view();
    details.render(state && v ? v.countries[state] : null);
  }

  function render(): void {
    const view = connection.view();
    if (!view) return;
    const match = connection.match();
    board.setView(view);
    topbar.render(view, match);
    news.render(view);
    goals.render(view);
    summary.render(view, connection.events());
    orders.render(view);
    inbox.render(view);
    log.render(connection.events());
    feed.push(connection.events());
    const openDecisions = InboxPanel.open(view).length;
    const inboxButton = tabButtons.find((b) => b.dataset.tab === "inbox");
    if (inboxButton) replace(inboxButton, t("game.tabs.inbox"), openDecisions > 0 ? h("span", { class: "badge", "aria-label": `${openDecisions}` }, String(openDecisions)) : null);
    const pending = new Set(view.phase === "orders" ? view.seats.filter((s) => !s.submitted).map((s) => s.seat) : []);
    seats.render(view, match, pending);
    waiting.textContent = view.phase === "orders" && pending.size > 0
      ? t("game.waitingFor", { seats: [...pending].map((s) => t(`seat.${s}`)).join(", ") })
      : view.owes ? t(`phase.${view.phase}`) : t("game.waitingNobody");
    if (selected) details.render(view.countries[selected]);
    // Bring the panel that needs the player to the front when a phase starts.
    const phaseKey = `${view.round}|${view.phase}`;
    if (phaseKey !== lastPhase) {
      lastPhase = phaseKey;
      if (openDecisions > 0) setTab("inbox");
      else if (view.phase === "orders") setTab("orders");
    }
  }

  const onKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) || document.querySelector("dialog[open]")) return;
    const n = Number(e.key);
    if (n >= 1 && n <= STATES.length) { select(STATES[n - 1]!); e.preventDefault(); }
    else if (e.key === "Escape") select(null);
    else if (e.key === "o") setTab("orders");
    else if (e.key === "i") setTab("inbox");
    else if (e.key === "l") setTab("log");
    else if (e.key === "s") setTab("seats");
    else if (e.key === "m" && phone.matches) setMap(true);
  };
  document.addEventListener("keydown", onKey);
  board.onSelect((s) => select(selected === s ? null : s));
  board.setCardsVisible(true);
  setTab(tab);
  if (options.phoneMap && phone.matches) setMap(true);
  const unsubscribe = connection.subscribe(render);
  render();
  // A new player's first game offers a walkthrough of round one on this very screen (not to a class team, whose screen is shared).
  const first = connection.view();
  const guide = first && first.round === 1 && first.phase === "orders" && !options.sharedPlan && options.guide !== false && first.seats.some((s) => s.seat === first.viewer)
    && guideWanted(globalThis.localStorage ?? null)
    // A player with other games kept in this browser is not new, whether or not they saw the guide then.
    && !myGames().some((g) => g.roomId !== connection.match().roomId)
    ? new Guide(globalThis.localStorage ?? null, (to) => (to === "map" ? phone.matches && setMap(true) : setTab(to)))
    : null;
  if (guide) mapArea.appendChild(guide.el);

  return () => {
    unsubscribe();
    guide?.destroy();
    observer.disconnect();
    newsObserver.disconnect();
    phone.removeEventListener("change", onPhoneChange);
    board.setInsetTop(0);
    document.removeEventListener("keydown", onKey);
    topbar.destroy();
    feed.destroy();
    board.onSelect(null);
    board.setHighlighted([]);
    board.setSelected(null);
    board.setCardsVisible(false);
    Object.assign(boardEl.style, { left: "0", top: "0", width: "100%", height: "100%" });
    board.resized();
    el.remove();
  };
}
