import { randomBytes } from "node:crypto";
import type { ClassStore } from "./store.ts";

/*
 * What this process knows about class sessions: the store, which sessions have a live room, and the
 * one-time passes that let the server (never a client) create a class room. Colyseus lets any client
 * ask to create any defined room, so a class room refuses to exist without a pass issued here.
 */

let store: ClassStore | null = null;
const rooms = new Map<string, string>();
const passes = new Map<string, string>();
const opening = new Map<string, Promise<string>>();

export function setClassStore(next: ClassStore | null): void {
  store = next;
  rooms.clear();
  passes.clear();
  opening.clear();
}

export function classStore(): ClassStore {
  if (!store) throw new Error("Class sessions are not available: the server is not started.");
  return store;
}

export function liveRoom(code: string): string | null {
  return rooms.get(code) ?? null;
}

export function roomOpened(code: string, roomId: string): void {
  rooms.set(code, roomId);
}

export function roomClosed(code: string, roomId: string): void {
  if (rooms.get(code) === roomId) rooms.delete(code);
}

export function issuePass(code: string): string {
  const pass = randomBytes(16).toString("base64url");
  passes.set(pass, code);
  return pass;
}

/** Consumes a pass: true once, for the code it was issued for. */
export function redeemPass(pass: unknown, code: unknown): boolean {
  if (typeof pass !== "string" || passes.get(pass) !== code) return false;
  passes.delete(pass);
  return true;
}

/** Opens a session's room once even when several requests ask at the same moment. */
export function openOnce(code: string, open: () => Promise<string>): Promise<string> {
  const live = rooms.get(code);
  if (live) return Promise.resolve(live);
  let pending = opening.get(code);
  if (!pending) {
    pending = open().finally(() => opening.delete(code));
    opening.set(code, pending);
  }
  return pending;
}
