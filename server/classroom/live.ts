import { randomBytes } from "node:crypto";
import type { GameRecord } from "../../shared/engine/index.ts";
import type { ClassSession, ClassStore } from "./store.ts";
import { openAcrossProcesses, type OpeningClaim } from "../openOnce.ts";

/*
 * What this process knows about class sessions: the store, which sessions have a live room, and the
 * one-time passes that let the server (never a client) create a class room. Colyseus lets any client
 * ask to create any defined room, so a class room refuses to exist without a pass issued here.
 */

/**
 * Which room holds each class session, as every process sees it: several processes share it through Redis
 * (server/redis.ts); one process keeps it here.
 */
export interface ClassRooms {
  get(code: string): string | null | Promise<string | null>;
  set(code: string, roomId: string): void | Promise<void>;
  /** Forgets the room, if it is still the one the session points at. */
  clear(code: string, roomId: string): void | Promise<void>;
}

/** What the server read for a class room before opening it (the session, its game record): the room reads nothing itself. */
export interface ClassPreload {
  session: ClassSession;
  record: GameRecord | null;
}

let store: ClassStore | null = null;
const rooms = new Map<string, string>();
const passes = new Map<string, { code: string; preload: ClassPreload }>();
let shared: ClassRooms | null = null;
let isLive: (roomId: string) => Promise<boolean> = async () => true;

/** The SQLite class store of a server started without DATABASE_URL (tests read sessions from it); null otherwise. */
export function setClassStore(next: ClassStore | null, sharedRooms: ClassRooms | null = null, live?: (roomId: string) => Promise<boolean>): void {
  store = next;
  shared = sharedRooms;
  if (live) isLive = live;
  rooms.clear();
  passes.clear();
}

export function classStore(): ClassStore {
  if (!store) throw new Error("Class sessions are not available: the server is not started (or keeps them in PostgreSQL).");
  return store;
}

/** The live room of a session: this process's, else (scaled) the one another process holds, if that process is alive. */
export async function liveRoom(code: string): Promise<string | null> {
  const local = rooms.get(code);
  if (local || !shared) return local ?? null;
  const roomId = await shared.get(code);
  return roomId && (await isLive(roomId)) ? roomId : null;
}

export function roomOpened(code: string, roomId: string): void {
  rooms.set(code, roomId);
}

export function roomClosed(code: string, roomId: string): void {
  if (rooms.get(code) === roomId) rooms.delete(code);
  if (shared) void Promise.resolve(shared.clear(code, roomId)).catch(() => { /* a stale entry is checked for life when read */ });
}

export function issuePass(code: string, preload: ClassPreload): string {
  const pass = randomBytes(16).toString("base64url");
  passes.set(pass, { code, preload });
  return pass;
}

/** Consumes a pass: what the server read for the room, once, for the code it was issued for; else null. */
export function redeemPass(pass: unknown, code: unknown): ClassPreload | null {
  const entry = typeof pass === "string" ? passes.get(pass) : undefined;
  if (!entry || entry.code !== code) return null;
  passes.delete(pass as string);
  return entry.preload;
}

/**
 * Opens a session's room once even when several requests ask at the same moment (and, scaled, tells the other
 * processes). `claimFor` gives the claim that one process at a time holds on opening it (several processes only).
 */
export function openOnce(code: string, open: () => Promise<string>, claimFor?: (key: string) => OpeningClaim): Promise<string> {
  const sharedRooms = shared;
  const key = `class:${code}`;
  return openAcrossProcesses({
    key,
    live: () => liveRoom(code),
    open: async () => {
      const roomId = await open();
      await sharedRooms?.set(code, roomId);
      return roomId;
    },
    claim: claimFor?.(key),
  });
}
