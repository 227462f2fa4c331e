import type { GameEvent, Input, Seat } from "../../shared/engine/index.ts";
import type { InputSource } from "../../shared/host/GameHost.ts";

/**
 * A bot taking over a seat, told once in everyone's log (ids only, the client words it): the first step a bot
 * answered for players away past the grace period ("away"), for players who let the deadline pass ("timer"), or for
 * a seat handed to a bot mid-game ("bot"). The seat's players acting again ends the takeover. The same watch runs
 * live and over a restored record's inputs and sources, so the lines come back after a restart.
 */
export class TakeoverWatch {
  private taken = new Set<Seat>();
  /** Seats whose players have acted: a bot's step for one of them is a hand-over, not a seat bots held from the start. */
  private played = new Set<Seat>();

  /**
   * One accepted input and who gave it. `handed`: the host handed this seat to a bot since its last step (known
   * live); left out when replaying a record, where a bot's step for a seat its players had acted for counts as one.
   */
  step(input: Input, source: InputSource, round: number, handed?: boolean): GameEvent | null {
    if (input.type === "close") return null;
    const seat = input.seat;
    if (source === "human") {
      this.taken.delete(seat);
      this.played.add(seat);
      return null;
    }
    const by = source === "bot" ? ((handed ?? this.played.has(seat)) ? "bot" : null) : source;
    if (!by || this.taken.has(seat)) return null;
    this.taken.add(seat);
    return { kind: "botTookOver", round, visibleTo: "all", params: { seat, by } };
  }
}

/**
 * The takeover lines of a restored record, by step (step i follows input i - 1), from its inputs' sources; a step's
 * round is its events' (or the step's before it, for a step with none).
 */
export function takeoverLines(inputs: readonly Input[], sources: readonly InputSource[], eventsByStep: readonly GameEvent[][], watch: TakeoverWatch): Map<number, GameEvent> {
  const lines = new Map<number, GameEvent>();
  let round = eventsByStep[0]?.[0]?.round ?? 1;
  for (let i = 0; i < inputs.length && i < sources.length; i++) {
    round = eventsByStep[i + 1]?.[0]?.round ?? round;
    const line = watch.step(inputs[i]!, sources[i]!, round);
    if (line) lines.set(i + 1, line);
  }
  return lines;
}
