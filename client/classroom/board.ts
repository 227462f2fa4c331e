import { pageOptions } from "../config.ts";
import { gameScreen, type GameScreenOptions } from "../screens/game.ts";
import type { App } from "../screens/types.ts";
import { ClassGameConnection, type ClassLink } from "./net.ts";

/*
 * The classroom's screens that show the game use the game screen itself (map, tracks, news, feed,
 * panels) through the link as a Connection; this mounts it and hands the board canvas back to the
 * class pages when it goes.
 */

export function mountClassGame(root: HTMLElement, link: ClassLink, options: GameScreenOptions): () => void {
  const app: App = {
    options: pageOptions(),
    enter: () => {},
    // Leaving a class page goes back to the game's menu; the class can be rejoined with its code.
    toMenu: () => location.assign(location.pathname),
  };
  document.body.dataset.screen = "game";
  const unmount = gameScreen(root, app, new ClassGameConnection(link), options);
  return () => {
    unmount();
    document.body.dataset.screen = "class";
  };
}
