import express from "express";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { MakePublicBody, PublicReplayToken, RoomIdParam, TicketHeader, type MadePublic } from "../../shared/protocol/publicReplay.ts";
import { outOfMisses, spendMiss } from "../http.ts";
import { RULES_VERSION, verifyRecord, type GameRecord, type Seat } from "../../shared/engine/index.ts";
import { context } from "../context.ts";
import type { MatchSave } from "../room/matchSave.ts";

/*
 * A finished online match's record, for the replay viewer: only to a player of the match, with its seat's ticket
 * (header x-seat-ticket), and only once the game is over (the record holds every seat's orders, secret until then).
 * The browser replays it with the engine and analyses its own seat's decisions in a worker.
 */

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * What a finished game's record gives a viewer: the whole record once the game is over; up to its last matching step
 * when the rules changed after it (read-only, over); null while the game goes on (its orders are still secret).
 */
function finishedRecord(record: GameRecord): GameRecord | null {
  const checked = verifyRecord(record, RULES_VERSION);
  if (checked.ok) return checked.state.phase === "ended" ? record : null;
  return { ...record, inputs: record.inputs.slice(0, checked.matching), digests: undefined } as GameRecord;
}

/** A record for the replay viewer, with what else the route tells (the viewer's seat); refused while the game goes on. */
function sendReplayable(res: express.Response, record: GameRecord, extra: Record<string, unknown>): void {
  const replayable = finishedRecord(record);
  if (replayable) res.json({ record: replayable, ...extra });
  else res.status(403).json({ code: "not-over" });
}

/** The seat of a saved match whose ticket this is, with the match's record id; null when the room or ticket names none. */
async function seatByTicket(roomId: string, ticket: string): Promise<{ save: MatchSave; seat: Seat; matchId: number } | null> {
  const saved = await context().records.loadRoom(roomId);
  const save = saved?.kind === "match" ? (saved.data as unknown as MatchSave) : null;
  const seat = save?.seats.find((s) => typeof s.ticket === "string" && s.ticket !== "" && same(s.ticket, ticket))?.seat as Seat | undefined;
  return save && seat && save.matchId !== null ? { save, seat, matchId: save.matchId } : null;
}

/** A fresh public replay token. */
export const newPublicToken = (): string => randomBytes(24).toString("base64url");

/**
 * Makes a finished match's replay public, answering its token (the first one, if it was already made public).
 * Shared by the host's route here and the teacher's (server/classroom/http.ts). Refused before the game's end.
 */
export async function makeReplayPublic(matchId: number, res: express.Response): Promise<void> {
  const records = context().records;
  const record = await records.gameRecord(matchId);
  if (!record || !finishedRecord(record)) {
    res.status(403).json({ code: "not-over" });
    return;
  }
  const existing = await records.publicToken(matchId);
  if (!existing) {
    records.makePublic(matchId, newPublicToken());
    await records.flush();
  }
  const body: MadePublic = { token: (await records.publicToken(matchId))! };
  res.json(body);
}

export function replayRoutes(app: express.Application): void {
  const json = express.json({ limit: "1kb" });

  // The host's seat's ticket makes a finished match's replay public. A room id or ticket that names no seat of a
  // match spends the address's code-miss budget, as join codes do.
  app.post("/api/match/:roomId/replay/public", json, async (req, res) => {
    const { limits } = context();
    if (await outOfMisses(limits, req, res)) return;
    const roomId = RoomIdParam.safeParse(req.params.roomId);
    const ticket = TicketHeader.safeParse(req.headers["x-seat-ticket"]);
    if (!roomId.success || !ticket.success || !MakePublicBody.safeParse(req.body ?? {}).success) {
      res.status(400).json({ code: "bad-input" });
      return;
    }
    const held = await seatByTicket(roomId.data, ticket.data);
    if (!held) {
      await spendMiss(limits, req);
      res.status(404).json({ code: "unknown-match" });
      return;
    }
    if (held.seat !== held.save.hostSeat) {
      res.status(403).json({ code: "not-host" });
      return;
    }
    await makeReplayPublic(held.matchId, res);
  });

  // A public replay: anyone with its token, in the public view (the record; the viewer shows no seat's secrets
  // before the game's end state reveals them). An unknown token spends the code-miss budget.
  app.get("/api/replay/:token", async (req, res) => {
    const { limits, records } = context();
    if (await outOfMisses(limits, req, res)) return;
    const token = PublicReplayToken.safeParse(req.params.token);
    const matchId = token.success ? await records.publicMatch(token.data) : null;
    const record = matchId !== null ? await records.gameRecord(matchId) : null;
    if (!record) {
      await spendMiss(limits, req);
      res.status(404).json({ code: "unknown-replay" });
      return;
    }
    sendReplayable(res, record, {});
  });

  app.get("/api/match/:roomId/record", async (req, res) => {
    // A room id or ticket that names no seat spends the code-miss budget, as on the other ticket routes.
    const { limits, records } = context();
    if (await outOfMisses(limits, req, res)) return;
    const roomId = RoomIdParam.safeParse(req.params.roomId);
    const ticket = TicketHeader.safeParse(req.headers["x-seat-ticket"]);
    const held = roomId.success && ticket.success ? await seatByTicket(roomId.data, ticket.data) : null;
    const record = held ? await records.gameRecord(held.matchId) : null;
    if (!held || !record) {
      await spendMiss(limits, req);
      res.status(404).json({ code: "unknown-match" });
      return;
    }
    sendReplayable(res, record, { seat: held.seat });
  });
}
