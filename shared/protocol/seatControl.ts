/**
 * Whether a bot plays a seat of a room now: a bot's seat, or a human seat whose players are away past the grace
 * period (SeatEntry's `away`). The room decides by it whose reasons a client may read, the client which seats it
 * shows as the bot's; one rule for both, over the room state's seat entry.
 */
export function playedByBot(entry: { controller: string; away: boolean }): boolean {
  return entry.controller !== "human" || entry.away;
}
