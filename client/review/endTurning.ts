import type { GameRecord, Seat } from "../../shared/engine/index.ts";
import { debriefTurningPoints } from "../../shared/debrief/turning.ts";
import { replace } from "../ui/dom.ts";
import { cachedReview } from "./analysis.ts";
import { turningPointsSection } from "./debriefTurning.ts";

/** A solo game's end screen, once its analysis has run (in the replay viewer): the player's turning points, printable. */
export function renderEndTurning(el: HTMLElement, record: GameRecord, seat: Seat): void {
  const review = cachedReview(record, seat);
  const section = review ? turningPointsSection(debriefTurningPoints([review])) : null;
  if (section) replace(el, section);
}
