import { z } from "zod";

/*
 * Public replays (issue 19): the host of a finished online match (its seat's ticket) or a class's teacher (the key)
 * makes the game's replay public under a token; anyone with the link then sees the replay in the public view.
 */

/** A token: 24 random bytes in base64url. */
export const PublicReplayToken = z.string().regex(/^[A-Za-z0-9_-]{32}$/);
/** What making a replay public asks: nothing in the body (who asks is told by the header). */
export const MakePublicBody = z.object({}).strict();
export const RoomIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/);
export const TicketHeader = z.string().min(1).max(128);

/** The answer to making a replay public: its token (the page builds the link, `?replay=TOKEN`). */
export interface MadePublic { token: string }
