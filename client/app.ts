import { h } from "./ui/dom.ts";
import type { Connection } from "../shared/protocol/connection.ts";
import { board, startBoard } from "./board/board.ts";
import { pageOptions } from "./config.ts";
import { LocalConnection } from "./net/localConnection.ts";
import { resumeOnline } from "./net/online.ts";
import { watchTurns } from "./net/turnNotice.ts";
import { ConnectionBanner } from "./panels/banner.ts";
import { endScreen } from "./screens/end.ts";
import { gameScreen } from "./screens/game.ts";
import { loading } from "./screens/loading.ts";
import { lobbyScreen } from "./screens/lobby.ts";
import { menuScreen } from "./screens/menu.ts";
import type { App } from "./screens/types.ts";
import { refusalText, setupLanguage, t } from "./i18n/strings.ts";
import { cornerLanguagePicker, resetCornerPicker } from "./ui/languagePicker.ts";
import { classroomPage } from "./classroom/index.ts";
import { PUBLIC_REPLAY_TOKEN, openPublicReplay } from "./review/publicReplay.ts";

type Where = "menu" | "lobby" | "game" | "end";

/** Boots the page (loading, board), then routes between menu, lobby, game and end by the connection's state. */
export async function boot(): Promise<void> {
  // The language first (?lang=, else this browser's choice, else English): every text below is in it.
  await setupLanguage();
  document.title = t("app.title");
  const bootTitle = document.querySelector("#boot-loading h1");
  if (bootTitle) bootTitle.textContent = t("app.title");
  // A picker on every screen (the game screen has its own in the top bar).
  document.body.appendChild(cornerLanguagePicker());
  const root = document.getElementById("app")!;
  const options = pageOptions();
  let cleanup: (() => void) | null = null;
  let where: Where | null = null;
  let connection: Connection | null = null;
  let unsubscribe: (() => void) | null = null;
  const banner = new ConnectionBanner(document.getElementById("banner")!, () => app.toMenu());

  const show = (next: Where, mount: () => () => void) => {
    if (where === next) return;
    cleanup?.();
    where = next;
    document.body.dataset.screen = next;
    resetCornerPicker();
    cleanup = mount();
  };

  const route = () => {
    if (!connection) return show("menu", () => menuScreen(root, app));
    banner.update(connection.status());
    const c = connection;
    const view = c.view();
    if (!c.match().started || !view) show("lobby", () => lobbyScreen(root, app, c));
    // A game that no longer replays under the current rules is over for its players: its debrief, read-only.
    else if (view.phase === "ended" || c.match().rulesChanged) show("end", () => endScreen(root, app, c));
    else show("game", () => gameScreen(root, app, c));
  };

  const app: App = {
    options,
    enter(next) {
      unsubscribe?.();
      connection = next;
      const routing = next.subscribe(route);
      // An online game tells the player, while the page is in the background, when a new phase needs them.
      const notices = next.kind === "remote"
        ? watchTurns(next, () => ({ title: t("myGames.noticeTitle", { name: next.match().name }), body: t("myGames.noticeBody") }))
        : () => {};
      unsubscribe = () => {
        routing();
        notices();
      };
      if (options.join) history.replaceState(null, "", location.pathname);
      route();
    },
    toMenu() {
      unsubscribe?.();
      unsubscribe = null;
      connection = null;
      banner.update("open");
      route();
    },
  };

  try {
    loading.set(0.05, t("loading.renderer"));
    await startBoard(document.getElementById("board")!, (f) => loading.set(0.1 + f * 0.75, t("loading.map", { percent: Math.round(f * 100) })));
    loading.set(0.9, t("loading.fonts"));
    await document.fonts?.ready;
    loading.set(1, t("loading.ready"));
  } catch (e) {
    loading.fail(e instanceof Error ? e.message : String(e));
    return;
  }
  loading.done();
  board.setCardsVisible(false);
  // Sent here by the server's error page: say what happened, in the reader's language, until the next screen.
  if (options.error) {
    document.getElementById("banner")!.appendChild(h("div", { class: "banner", id: "error-banner", role: "alert" }, refusalText({ code: options.error })));
    history.replaceState(null, "", location.pathname);
  }
  // A public replay link (?replay=TOKEN): the replay viewer in the public view, for anyone; closing it goes to the menu.
  const replayToken = new URLSearchParams(location.search).get("replay");
  if (replayToken !== null) {
    const toMenu = () => location.assign(location.pathname);
    const failed = (e: unknown) => document.getElementById("banner")!.appendChild(h("div", { class: "banner", id: "error-banner", role: "alert" }, e instanceof Error ? e.message : String(e)));
    if (!PUBLIC_REPLAY_TOKEN.test(replayToken)) failed(new Error(refusalText({ code: "unknown-replay" })));
    else return void openPublicReplay(root, { ...app, toMenu }, location.origin, replayToken, toMenu).catch((e: unknown) => { failed(e); route(); });
  }
  // Classroom addresses (?teach, ?class=, ?projector=, ?debrief=) have pages of their own.
  if (classroomPage(root)) return;

  // A refresh goes back to the game this browser was in: a solo game from storage, or an online seat.
  const solo = options.join ? null : LocalConnection.resume({ botDelayMs: options.botDelayMs });
  if (solo) return app.enter(solo);
  if (!options.join) {
    const online = await resumeOnline().catch(() => null);
    if (online) return app.enter(online);
  }
  route();
}
