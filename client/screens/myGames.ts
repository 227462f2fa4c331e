import { forgetGame, gameStatus, myGames, owesMove, type GameStatus, type MyGame } from "../net/myGames.ts";
import { allowNotices, noticesAllowed, noticesSupported } from "../net/turnNotice.ts";
import { resumeOnline } from "../net/online.ts";
import { h, replace } from "../ui/dom.ts";
import { formatDate, t } from "../i18n/strings.ts";
import type { App } from "./types.ts";

/** The page's one session key (client/net/remoteConnection.ts): resuming a game from the list makes it that game's. */
const SESSION_KEY = "ngg.session";

function statusLine(status: GameStatus | null, owes: boolean): string {
  if (!status) return t("myGames.unavailable");
  if (status.rulesChanged) return t("myGames.stopped");
  if (status.ended) return t("myGames.over");
  if (!status.started) return t("myGames.lobby");
  const parts = [t("myGames.round", { round: status.round, max: status.maxRounds }), owes ? t("myGames.yourMove") : t("myGames.waiting")];
  if (status.deadline) parts.push(t("myGames.deadline", { time: formatDate(status.deadline) }));
  return parts.join(" · ");
}

/**
 * "My games" on the menu: every online match this browser holds a seat in, whose move it is, the deadline and a
 * Resume button; a game that waits for this player is marked. Null when the browser holds none.
 */
export function myGamesSection(app: App): HTMLElement | null {
  const games = myGames();
  if (games.length === 0) return null;
  const error = h("p", { class: "error", role: "alert" });
  const list = h("ul", { class: "match-list", id: "my-games", "aria-live": "polite" });
  const row = (game: MyGame) => {
    const line = h("span", { class: "my-game-status" }, "…");
    const name = h("strong", {}, game.name);
    const resume = h("button", { type: "button", class: "small primary", "data-room": game.roomId }, t("myGames.resume"));
    resume.addEventListener("click", async () => {
      resume.disabled = true;
      error.textContent = "";
      localStorage.setItem(SESSION_KEY, JSON.stringify(game));
      const connection = await resumeOnline().catch(() => null);
      if (connection) app.enter(connection);
      else {
        error.textContent = t("myGames.unavailable");
        resume.disabled = false;
      }
    });
    const forget = h("button", { type: "button", class: "small", "aria-label": t("myGames.forget") }, "×");
    const li = h("li", { "data-room": game.roomId }, h("span", {}, name, " ", line), resume, forget);
    forget.addEventListener("click", () => {
      forgetGame(game.roomId);
      li.remove();
    });
    void gameStatus(game).then((status) => {
      const owes = owesMove(game, status);
      if (status?.name) name.textContent = t("myGames.line", { name: status.name, seat: t(`seat.${game.seat}`) });
      line.textContent = statusLine(status, owes);
      li.classList.toggle("owes", owes);
      li.dataset.owes = String(owes);
    });
    return li;
  };
  replace(list, games.map(row));
  const notify = noticesSupported() && !noticesAllowed()
    ? h("button", { type: "button", class: "small", id: "allow-notices" }, t("myGames.notify"))
    : null;
  const notifyNote = h("p", { class: "hint" }, noticesAllowed() ? t("myGames.notifyOn") : "");
  notify?.addEventListener("click", async () => {
    if (await allowNotices()) {
      notify.remove();
      notifyNote.textContent = t("myGames.notifyOn");
    }
  });
  return h("section", { class: "card", "aria-labelledby": "my-games-h" },
    h("h2", { id: "my-games-h" }, t("myGames.heading")), list, error, h("div", { class: "actions" }, notify), notifyNote);
}
