import type { SeatReason } from "../../shared/protocol/classroom.ts";
import { whyText } from "../panels/whyText.ts";

/** A bot seat's reason as the teacher reads it beside the seat: the round it was given in and its sentence. */
export interface ReasonLine {
  round: number;
  text: string;
}

/**
 * The reason the class room keeps in a bot seat's secret (SeatReason as JSON; "" for none or a team's seat), in the
 * language of the page now, whenever it was given. Null when there is none, or the text is not a reason.
 */
export function reasonLine(json: string | undefined): ReasonLine | null {
  if (!json) return null;
  try {
    const reason = JSON.parse(json) as Partial<SeatReason>;
    if (typeof reason.round !== "number" || !reason.params || typeof reason.params.why !== "string") return null;
    return { round: reason.round, text: whyText(reason.params) };
  } catch {
    return null;
  }
}
