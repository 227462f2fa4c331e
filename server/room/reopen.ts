import { matchMaker } from "@colyseus/core";
import type express from "express";
import { randomBytes } from "node:crypto";
import type { GameRecord } from "../../shared/engine/index.ts";
import type { InputSource } from "../../shared/host/GameHost.ts";
import { context } from "../context.ts";
import { outOfMisses, spendMiss } from "../http.ts";
import { roomIsLive } from "../redis.ts";
import { openAcrossProcesses } from "../openOnce.ts";
import type { MatchSave, MatchStatus } from "./matchSave.ts";

/*
 * Bringing a saved match room back. A match's room (lobby, seats, tickets, host, the game's deadline) is saved as it
 * changes, beside its game record; after a restart or a crash it is not live until someone asks for it: a player's
 * page, coming back with its seat's ticket, finds the room gone and asks `POST /api/match/:roomId/open`, which opens
 * it again under the same id (and the same join code). Only the server opens such rooms: Colyseus lets any client ask
 * to create any defined room, so a restoring room refuses to exist without a pass issued here. The server reads
 * the save and the game record before it opens the room, and hands them over with the pass (the room reads nothing
 * itself, so it opens the same on SQLite and on PostgreSQL). With several processes the room opens on the process
 * that was asked, whichever held it before: a room listed on a process that no longer answers is not live, and
 * when two processes are asked at the same moment only the one that claims the opening opens it (server/openOnce.ts).
 */

/** What the server read for a match it brings back. */
export interface MatchPreload { save: MatchSave; record: GameRecord | null; sources: InputSource[] }

const passes = new Map<string, { roomId: string; preload: MatchPreload }>();

/** Consumes a pass: what was read for the room, once, for the room it was issued for; else null. */
export function redeemRestorePass(pass: unknown, roomId: unknown): MatchPreload | null {
  const entry = typeof pass === "string" ? passes.get(pass) : undefined;
  if (!entry || entry.roomId !== roomId) return null;
  passes.delete(pass as string);
  return entry.preload;
}

const live = roomIsLive;

/** True when the match's room is live, or was saved open and has been brought back; false for an unknown or closed one. */
export async function openMatch(roomId: string): Promise<boolean> {
  if (await live(roomId)) return true;
  const saved = await context().records.loadRoom(roomId);
  if (!saved || !saved.open || saved.kind !== "match") return false;
  const key = `match:${roomId}`;
  await openAcrossProcesses({
    key,
    live: async () => ((await live(roomId)) ? roomId : null),
    open: async () => {
      const save = saved.data as unknown as MatchSave;
      const record = save.matchId !== null ? await context().records.gameRecord(save.matchId) : null;
      const sources = save.matchId !== null ? await context().records.sources(save.matchId) : [];
      const pass = randomBytes(16).toString("base64url");
      passes.set(pass, { roomId, preload: { save, record, sources } });
      await matchMaker.createRoom("match", { restore: roomId, pass });
      return roomId;
    },
    claim: context().openingClaim?.(key),
  });
  return true;
}

/** Where a match stands: from its live room, else from its save (as it stood when the room last saved). */
async function statusOf(roomId: string): Promise<MatchStatus | null> {
  const room = matchMaker.getLocalRoomById(roomId) as unknown as { status?: () => MatchStatus } | undefined;
  if (room?.status) return room.status();
  const saved = await context().records.loadRoom(roomId);
  if (!saved || saved.kind !== "match") return null;
  const data = saved.data as unknown as MatchSave;
  return data.status ?? null;
}

// A room id that names no match costs the asking address a token of the same miss budget as the code routes, so
// guessing ids (or opening unknown ones in a loop) is limited like guessing codes.
export function matchRoutes(app: express.Application): void {
  // Public facts only (whose move, the deadline): a browser's "My games" list asks for each match it holds a seat in.
  app.get("/api/match/:roomId/status", async (req, res) => {
    if (await outOfMisses(context().limits, req, res)) return;
    const status = await statusOf(String(req.params.roomId).slice(0, 32));
    if (status) res.json(status);
    else {
      await spendMiss(context().limits, req);
      res.status(404).json({ code: "unknown-match" });
    }
  });

  app.post("/api/match/:roomId/open", async (req, res) => {
    if (await outOfMisses(context().limits, req, res)) return;
    const roomId = String(req.params.roomId).slice(0, 32);
    try {
      if (await openMatch(roomId)) res.json({ roomId });
      else {
        await spendMiss(context().limits, req);
        res.status(404).json({ code: "unknown-match" });
      }
    } catch (error) {
      res.status(500).json({ code: "open-failed" });
    }
  });
}
