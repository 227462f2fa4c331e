import { baselineInput } from "../../shared/bots/baseline.ts";
import { applyInput, createGame, pendingSeats, viewFor, type GameOptions, type GameState } from "../../shared/engine/index.ts";
import { MatchState, Secret, SeatEntry } from "../../shared/protocol/state.ts";
import { Projector } from "./project.ts";

/**
 * A match the baseline bot plays at every seat, projected into a room's synchronised state after every input
 * as a room projects it, but with no room or clients: what the projection checks and the patch-size bench watch.
 */
export class ProjectedMatch {
  readonly state = new MatchState();
  game: GameState;
  /** Inputs applied so far. */
  steps = 0;
  private readonly projector: Projector;

  constructor(options: Partial<GameOptions>, seed: number) {
    this.game = createGame(options, seed);
    for (const seat of this.game.seatOrder) {
      this.state.seats.set(seat, new SeatEntry());
      const secret = new Secret();
      secret.seat = seat;
      this.state.secrets.set(seat, secret);
    }
    this.state.started = true;
    this.projector = new Projector(this.state);
    this.projector.sync(this.game);
    this.projector.addEvents(this.game.log, 0);
  }

  get ended(): boolean {
    return this.game.phase === "ended";
  }

  /** The first seat the game waits for plays the baseline bot's input (or closes the phase when it has none). */
  step(): void {
    const seat = pendingSeats(this.game)[0]!;
    const input = baselineInput(viewFor(this.game, seat), this.steps) ?? { type: "close" as const };
    const result = applyInput(this.game, input);
    if (!result.ok) throw new Error(`${result.code} ${JSON.stringify(result.params)}`);
    this.game = result.state;
    this.steps++;
    this.projector.sync(this.game);
    this.projector.addEvents(result.events, this.steps);
  }
}
