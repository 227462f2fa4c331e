import type express from "express";
import { timingSafeEqual } from "node:crypto";
import { RULES_VERSION, verifyRecord, type Seat } from "../../shared/engine/index.ts";
import { context } from "../context.ts";
import type { MatchSave } from "../room/matchSave.ts";

/*
 * A finished online match's record, for the replay viewer: only to a player of the match, with its seat's ticket
 * (header x-seat-ticket), and only once the game is over (the record holds every seat's orders, secret until then).
 * The browser replays it with the engine and analyses its own seat's decisions in a worker.
 */

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function replayRoutes(app: express.Application): void {
  app.get("/api/match/:roomId/record", async (req, res) => {
    const roomId = String(req.params.roomId).slice(0, 32);
    const ticket = String(req.headers["x-seat-ticket"] ?? "");
    const saved = ticket ? await context().records.loadRoom(roomId) : null;
    const save = saved?.kind === "match" ? (saved.data as unknown as MatchSave) : null;
    const seat = save?.seats.find((s) => typeof s.ticket === "string" && s.ticket !== "" && same(s.ticket, ticket))?.seat as Seat | undefined;
    if (!save || !seat || save.matchId === null) {
      res.status(404).json({ code: "unknown-match" });
      return;
    }
    const record = await context().records.gameRecord(save.matchId);
    if (!record) {
      res.status(404).json({ code: "unknown-match" });
      return;
    }
    const checked = verifyRecord(record, RULES_VERSION);
    if (checked.ok && checked.state.phase !== "ended") {
      res.status(403).json({ code: "not-over" });
      return;
    }
    const replayable = checked.ok ? record : { ...record, inputs: record.inputs.slice(0, checked.matching), digests: undefined };
    res.json({ record: replayable, seat });
  });
}
