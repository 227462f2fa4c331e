import { parFor, type GameView, type Seat } from "../../shared/engine/index.ts";
import { signedNumber as signed, t } from "../i18n/strings.ts";

/** A seat's par for the rounds this game has scored: what its standing on the end screen is measured against. */
export const parIn = (view: GameView, seat: Seat): number => parFor(seat, view.stats.roundsScored, view.options);

/**
 * In Great Powers mode the players came for Russia against China, and a state or the West often tops the table; so
 * the end screen also says which power came out ahead of the other, by standing against par.
 */
export function duelText(view: GameView): string | null {
  if (view.options.mode !== "powers") return null;
  const standing = (seat: "russia" | "china"): number | null => {
    const s = view.seats.find((x) => x.seat === seat);
    return s ? s.score - parIn(view, seat) : null;
  };
  const russia = standing("russia"), china = standing("china");
  if (russia === null || china === null) return null;
  if (russia === china) return t("end.duelLevel", { standing: signed(russia) });
  const [ahead, behind] = russia > china ? (["russia", "china"] as const) : (["china", "russia"] as const);
  return t("end.duelAhead", {
    ahead: t(`seat.${ahead}`), behind: t(`seat.${behind}`),
    aheadStanding: signed(Math.max(russia, china)), behindStanding: signed(Math.min(russia, china)),
  });
}
