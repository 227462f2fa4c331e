import { matchMaker } from "@colyseus/core";
import express from "express";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { JoinCodes } from "./codes.ts";
import { KeyedBuckets } from "./rateLimit.ts";

/** HTTP beside the game: health, the public lobby, join-code look-up, and the built client. */
export function httpRoutes(app: express.Application, deps: { codes: JoinCodes; clientDir: string; startedAt: number }): void {
  // How long work waited for the event loop since the previous /health: the server's own queueing, apart from the network and clients.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  app.get("/health", (_req, res) => {
    const eventLoopDelayMs = { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) };
    loop.reset();
    res.json({ ok: true, uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000), rooms: matchMaker.stats.local.roomCount, clients: matchMaker.stats.local.ccu, eventLoopDelayMs });
  });

  app.get("/api/matches", async (_req, res) => {
    const rooms = await matchMaker.query({ name: "match" });
    const list = rooms
      .filter((r) => !r.private && r.metadata?.public && !r.metadata.started)
      .map((r) => ({ roomId: r.roomId, name: r.metadata.name, mode: r.metadata.mode, length: r.metadata.length, seatsFree: r.metadata.seatsFree, seats: r.metadata.seats, clients: r.clients }));
    res.json(list);
  });

  // Codes are short, so guessing must be slow: each miss costs the address a token, and an address out of
  // tokens is refused outright. Hits cost nothing, so a classroom behind one address can all join.
  const misses = new KeyedBuckets({ perSecond: 0.5, burst: 10 });
  app.get("/api/code/:code", (req, res) => {
    const address = req.ip ?? "unknown";
    if (!misses.available(address)) {
      res.status(429).json({ code: "rate-limited", message: "Too many code look-ups: wait a moment." });
      return;
    }
    const roomId = deps.codes.lookup(String(req.params.code).slice(0, 16));
    if (!roomId) {
      misses.take(address);
      res.status(404).json({ code: "unknown-code", message: "No match has that code." });
      return;
    }
    res.json({ roomId });
  });

  const dir = resolve(deps.clientDir);
  const index = join(dir, "index.html");
  if (existsSync(index)) {
    app.use(express.static(dir, { index: "index.html" }));
  } else {
    app.get("/", (_req, res) => {
      res.type("html").send("<!doctype html><title>New Great Game</title><p>The client is not built yet: run <code>npm run build</code>, then reload.</p>");
    });
  }
}
