import type { BotLevel } from "../../shared/bots/decide.ts";
import { botSeed } from "../../shared/bots/play.ts";
import { pendingSeats, viewFor, type GameState, type Input, type Seat } from "../../shared/engine/index.ts";
import type { Reply } from "../../shared/protocol/messages.ts";
import { decideAsync } from "../bots/pool.ts";
import type { InputSource } from "../records.ts";
import { passInput } from "./passInput.ts";

/** What the bots need from their room: the game, who plays each seat now, and the room's own way to apply an input. */
export interface BotTable {
  game(): GameState | null;
  /** Inputs accepted so far: part of each bot decision's seed, so the same moment of a match gives the same choice. */
  steps(): number;
  level(): BotLevel;
  /** Who answers for the seat now; "human" leaves it to its players. */
  playedBy(seat: Seat): InputSource;
  /** While true, bots wait with everyone else (a paused class). */
  paused?(): boolean;
  apply(input: Input, source: InputSource): Reply;
}

/**
 * Plays the seats bots answer for, one input at a time, yielding between inputs so players' messages are
 * never held up long. One round of play runs at a time; a wake-up during it makes it look again when done.
 */
export class BotPump {
  private readonly room: BotTable;
  private pumping = false;
  private pumpAgain = false;
  private stopped = false;

  constructor(room: BotTable) {
    this.room = room;
  }

  /** Something changed that may leave a bot to play: a step, a seat handed over, a timer run out. */
  wake(): void {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    setImmediate(() => void this.pump());
  }

  /** The room is gone: no bot plays in it again, not even one still thinking. */
  stop(): void {
    this.stopped = true;
  }

  private async pump(): Promise<void> {
    const room = this.room;
    try {
      for (;;) {
        this.pumpAgain = false;
        const game = room.game();
        if (!game || game.phase === "ended" || this.stopped || room.paused?.()) break;
        const seat = pendingSeats(game).find((s) => room.playedBy(s) !== "human");
        if (!seat) {
          if (this.pumpAgain) continue;
          break;
        }
        const source = room.playedBy(seat);
        const decision = await decideAsync(room.level(), viewFor(game, seat), botSeed(game, seat, room.steps()));
        if (this.stopped) break;
        // Someone else moved the game on (or paused it) while the bot thought: look again from the new state.
        if (room.game() !== game || room.paused?.()) continue;
        const accepted = decision ? room.apply(decision.input, source) : null;
        if (!accepted || !accepted.ok) this.pass(game, seat, source);
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.pumping = false;
    }
    if (this.pumpAgain) this.wake();
  }

  /** When a bot has nothing to offer, the seat passes: no orders, or each open decision's stated default. */
  private pass(game: GameState, seat: Seat, source: InputSource): void {
    const pass = passInput(game, seat);
    const result = this.room.apply(pass ?? { type: "close" }, source);
    // An answer that cannot be given leaves only closing the phase, so the game never waits forever.
    if (pass?.type === "answer" && !result.ok) this.room.apply({ type: "close" }, source);
  }
}
