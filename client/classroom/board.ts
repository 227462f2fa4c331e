import type { Seat } from "../../shared/engine/index.ts";
import { pageOptions } from "../config.ts";
import { endScreen } from "../screens/end.ts";
import { gameScreen, type GameScreenOptions } from "../screens/game.ts";
import type { App } from "../screens/types.ts";
import { h } from "../ui/dom.ts";
import { t } from "../i18n/strings.ts";
import { ClassGameConnection, type ClassLink } from "./net.ts";

/*
 * The classroom's screens that show the game use the game screen itself (map, tracks, news, feed,
 * panels) through the link as a Connection, and at the end the game's own end screen; these mount them
 * and hand the board canvas back to the class pages when they go.
 */

function classApp(): App {
  return {
    options: pageOptions(),
    enter: () => {},
    // Leaving a class page goes back to the game's menu; the class can be rejoined with its code.
    toMenu: () => location.assign(location.pathname),
  };
}

export function mountClassGame(root: HTMLElement, link: ClassLink, options: GameScreenOptions): () => void {
  document.body.dataset.screen = "game";
  const unmount = gameScreen(root, classApp(), new ClassGameConnection(link), options);
  return () => {
    unmount();
    document.body.dataset.screen = "class";
  };
}

/**
 * The end of the lesson for teams and the projector: the game's end screen (winner, scores against par,
 * every agenda and whether it was met, charts, timeline) with each seat's team beside it and the debrief's link.
 */
export function mountClassEnd(root: HTMLElement, link: ClassLink): () => void {
  const state = link.state();
  const teams: Partial<Record<Seat, string[]>> = {};
  state?.seats.forEach((entry, seat) => { if (entry.controller !== "bot" || entry.players.length > 0) teams[seat as Seat] = [...entry.players]; });
  const debrief = h("p", { class: "class-end-links" },
    h("a", { href: `?debrief=${encodeURIComponent(link.creds.code)}`, id: "end-debrief", class: "button primary" }, t("classroom.end.debrief")));
  document.body.dataset.screen = "end";
  const unmount = endScreen(root, classApp(), new ClassGameConnection(link), { teams, links: debrief, noMenu: true });
  return () => {
    unmount();
    document.body.dataset.screen = "class";
  };
}
