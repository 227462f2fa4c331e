import type express from "express";
import { networkInterfaces } from "node:os";
import type { ClassNetwork } from "../../shared/protocol/classroom.ts";

/*
 * Where students can reach this server. A teacher often opens the page as http://localhost:2567 on the
 * classroom's computer, an address no student's device can use. The join link and QR code then need
 * the address the class can reach: PUBLIC_URL when it is set (a school's server name, a tunnel), or else
 * this machine's addresses on the local network, which the teacher's page asks for here.
 */

/** PUBLIC_URL, if it is a usable http(s) address; a bad setting is ignored rather than shown to a class. */
export function publicUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const raw = env.PUBLIC_URL?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href.replace(/\/+$/, "") : null;
  } catch {
    return null;
  }
}

/** This machine's local-network IPv4 addresses (not loopback, not link-local), with the server's port. */
export function lanUrls(port: number, interfaces = networkInterfaces()): string[] {
  const out: string[] = [];
  for (const list of Object.values(interfaces)) {
    for (const a of list ?? []) {
      if (a.family === "IPv4" && !a.internal && !a.address.startsWith("169.254.")) out.push(`http://${a.address}:${port}`);
    }
  }
  return out;
}

export function networkRoute(app: express.Application): void {
  app.get("/api/class-network", (req, res) => {
    const body: ClassNetwork = { publicUrl: publicUrl(), lan: lanUrls(req.socket.localPort ?? 0) };
    res.json(body);
  });
}
