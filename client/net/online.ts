import type { Connection } from "../../shared/protocol/connection.ts";
import type { CreateMatchOptions, JoinOptions } from "../../shared/protocol/messages.ts";
import type { z } from "zod";

/**
 * The online side of the menu: creating, joining and resuming matches on the server, through
 * client/net/remoteConnection.ts, and the public lobby list over HTTP.
 */

/** A listed public match, as GET /api/matches returns it. */
export interface PublicMatch { roomId: string; name: string; mode?: string; length?: string; seatsFree?: number; seats?: number; clients?: number }

/** The online code (the Colyseus SDK) loads only when a person goes online. */
const remote = () => import("./remoteConnection.ts");

export async function createOnline(options: z.input<typeof CreateMatchOptions>): Promise<Connection> {
  const m = await remote();
  return m.createRemoteMatch(m.defaultServerUrl(), options);
}

/** Joins by short code (looked up through GET /api/code/:code) or by room id. */
export async function joinOnline(code: string, options: z.input<typeof JoinOptions>): Promise<Connection> {
  const m = await remote();
  return m.joinRemoteMatch(m.defaultServerUrl(), code, options);
}

/** The online match this browser was in, rejoined after a refresh; null when there is none. */
export async function resumeOnline(): Promise<Connection | null> {
  if (!globalThis.localStorage?.getItem("ngg.session")) return null;
  const m = await remote();
  return m.resumeRemoteMatch();
}

export async function listPublicMatches(): Promise<PublicMatch[]> {
  const res = await fetch("/api/matches", { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const body = (await res.json()) as PublicMatch[] | { matches: PublicMatch[] };
  return Array.isArray(body) ? body : body.matches;
}

export function joinLink(code: string): string {
  const url = new URL(location.href);
  url.search = `?join=${encodeURIComponent(code)}`;
  url.hash = "";
  return url.toString();
}
