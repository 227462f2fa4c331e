import { matchMaker } from "@colyseus/core";
import type express from "express";
import { randomBytes } from "node:crypto";
import { context } from "../context.ts";
import type { MatchSave, MatchStatus } from "./matchSave.ts";

/*
 * Bringing a saved match room back. A match's room (lobby, seats, tickets, host, the game's deadline) is saved as it
 * changes, beside its game record; after a restart or a crash it is not live until someone asks for it: a player's
 * page, coming back with its seat's ticket, finds the room gone and asks `POST /api/match/:roomId/open`, which opens
 * it again under the same id (and the same join code). Only the server opens such rooms: Colyseus lets any client ask
 * to create any defined room, so a restoring room refuses to exist without a pass issued here.
 */

const passes = new Map<string, string>();
const opening = new Map<string, Promise<boolean>>();

/** Consumes a pass: true once, for the room it was issued for. */
export function redeemRestorePass(pass: unknown, roomId: unknown): boolean {
  if (typeof pass !== "string" || passes.get(pass) !== roomId) return false;
  passes.delete(pass);
  return true;
}

async function live(roomId: string): Promise<boolean> {
  return (await matchMaker.query({ roomId })).length > 0;
}

/** True when the match's room is live, or was saved open and has been brought back; false for an unknown or closed one. */
export async function openMatch(roomId: string): Promise<boolean> {
  if (await live(roomId)) return true;
  const saved = context().records.loadRoom(roomId);
  if (!saved || !saved.open || saved.kind !== "match") return false;
  let pending = opening.get(roomId);
  if (!pending) {
    pending = (async () => {
      if (await live(roomId)) return true;
      const pass = randomBytes(16).toString("base64url");
      passes.set(pass, roomId);
      await matchMaker.createRoom("match", { restore: roomId, pass });
      return true;
    })().finally(() => opening.delete(roomId));
    opening.set(roomId, pending);
  }
  return pending;
}

/** Where a match stands: from its live room, else from its save (as it stood when the room last saved). */
async function statusOf(roomId: string): Promise<MatchStatus | null> {
  const room = matchMaker.getLocalRoomById(roomId) as unknown as { status?: () => MatchStatus } | undefined;
  if (room?.status) return room.status();
  const saved = context().records.loadRoom(roomId);
  if (!saved || saved.kind !== "match") return null;
  const data = saved.data as unknown as MatchSave;
  return data.status ?? null;
}

export function matchRoutes(app: express.Application): void {
  // Public facts only (whose move, the deadline): a browser's "My games" list asks for each match it holds a seat in.
  app.get("/api/match/:roomId/status", async (req, res) => {
    const status = await statusOf(String(req.params.roomId).slice(0, 32));
    if (status) res.json(status);
    else res.status(404).json({ code: "unknown-match" });
  });

  app.post("/api/match/:roomId/open", async (req, res) => {
    const roomId = String(req.params.roomId).slice(0, 32);
    try {
      if (await openMatch(roomId)) res.json({ roomId });
      else res.status(404).json({ code: "unknown-match" });
    } catch (error) {
      res.status(500).json({ code: "open-failed" });
    }
  });
}
