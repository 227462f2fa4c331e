import { matchMaker } from "@colyseus/core";
import express from "express";
import { existsSync } from "node:fs";
import type { IncomingMessage, Server as HttpServer } from "node:http";
import type { Socket } from "node:net";
import { join, resolve } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Codes } from "./codes.ts";
import { oneLine, type RefusalLog } from "./log.ts";
import type { Limits } from "./rateLimit.ts";

/** Addresses `pinClientAddress` settled on, by request. */
const pinned = new WeakMap<IncomingMessage, string>();

/**
 * The address a request came from: the socket's, never a header a client could write (see `pinClientAddress`),
 * unless the socket is a trusted proxy's (`TRUSTED_PROXIES`), whose own X-Forwarded-For entry is then taken.
 */
export function addressOf(req: express.Request): string {
  return pinned.get(req) ?? req.socket.remoteAddress ?? "unknown";
}

/**
 * Codes, room ids, seat tickets and replay tokens are guessable, so guessing must be slow: a look-up that names
 * nothing costs the address a token of its code-miss budget (`spendMiss`), and an address out of tokens is refused
 * before any look-up (`outOfMisses`, which answers 429 itself). Hits cost nothing, so a classroom behind one address
 * can all join.
 */
export async function outOfMisses(limits: Limits, req: express.Request, res: express.Response): Promise<boolean> {
  if (await limits.available("codeMisses", addressOf(req))) return false;
  res.status(429).json({ code: "rate-limited" });
  return true;
}

export function spendMiss(limits: Limits, req: express.Request): boolean | Promise<boolean> {
  return limits.take("codeMisses", addressOf(req));
}

/** `TRUSTED_PROXIES`: addresses of load balancers whose X-Forwarded-For is believed (comma or space separated). */
export function parseProxies(value: string | undefined): string[] {
  return (value ?? "").split(/[\s,]+/).filter(Boolean);
}

/** Set on every request and upgrade by `pinClientAddress`: which TCP connection it came over. */
export const CONNECTION_HEADER = "x-ngg-connection";

/**
 * Colyseus takes a client's address from `X-Real-IP` / `X-Forwarded-For` / `X-Client-IP` when present, which any client
 * can write, and so could buy itself a fresh budget with every request. Before anything else sees a request or a
 * websocket upgrade, those headers are replaced by the socket's own address, and the connection is numbered (for the
 * per-connection limit on creating rooms). Called after the server's own listeners are in place, so it runs first.
 */
export function pinClientAddress(server: HttpServer, trustedProxies: readonly string[] = []): void {
  const ids = new WeakMap<Socket, number>();
  const trusted = new Set(trustedProxies.flatMap((a) => [a, `::ffff:${a}`]));
  let next = 1;
  const pin = (req: IncomingMessage) => {
    const socketAddress = req.socket.remoteAddress ?? "unknown";
    // Behind a trusted load balancer, the client is the last address it appended (what came before, a client wrote).
    const forwarded = trusted.has(socketAddress) ? String(req.headers["x-forwarded-for"] ?? "").split(",").map((a) => a.trim()).filter(Boolean).at(-1) : undefined;
    const address = forwarded && forwarded.length <= 64 ? forwarded : socketAddress;
    for (const header of ["x-real-ip", "x-forwarded-for", "x-client-ip", CONNECTION_HEADER]) delete req.headers[header];
    req.headers["x-real-ip"] = address;
    pinned.set(req, address);
    // The per-connection budget counts the client's own connections, which a proxy's pooled ones are not.
    if (forwarded) return;
    let id = ids.get(req.socket);
    if (id === undefined) ids.set(req.socket, (id = next++));
    req.headers[CONNECTION_HEADER] = String(id);
  };
  server.prependListener("request", pin);
  server.prependListener("upgrade", pin);
}

/**
 * Cross-origin requests: allowed only from the server's own origin and the configured list (`ALLOWED_ORIGINS`).
 * Colyseus writes the CORS headers of every HTTP answer (its matchmaking and the Express routes alike) from its
 * controller, which by default reflects any Origin with credentials allowed.
 */
export function restrictCors(allowedOrigins: readonly string[]): void {
  const controller = matchMaker.controller as unknown as {
    DEFAULT_CORS_HEADERS: Record<string, string>;
    getCorsHeaders(headers: Headers): Record<string, string>;
  };
  delete controller.DEFAULT_CORS_HEADERS["Access-Control-Allow-Origin"];
  delete controller.DEFAULT_CORS_HEADERS["Access-Control-Allow-Credentials"];
  const allowed = new Set(allowedOrigins);
  controller.getCorsHeaders = (headers: Headers): Record<string, string> => {
    const origin = headers.get("origin");
    const host = headers.get("host");
    const own = !!origin && !!host && (origin === `http://${host}` || origin === `https://${host}`);
    if (origin && (own || allowed.has(origin))) {
      return { "Access-Control-Allow-Origin": origin, "Access-Control-Allow-Credentials": "true", Vary: "Origin" };
    }
    return { Vary: "Origin" };
  };
}

/** `ALLOWED_ORIGINS`: origins separated by commas or spaces, each as a browser sends it (`https://example.org`). */
export function parseOrigins(value: string | undefined): string[] {
  return (value ?? "").split(/[\s,]+/).map((o) => o.trim().replace(/\/+$/, "")).filter(Boolean);
}

/**
 * The game's own error page carries no words, only the refusal's code: it sends the browser to the game, which says
 * what happened in the reader's language (`?error=` on the menu). The link is there for a browser that does not follow
 * the refresh.
 */
const PAGE = (code: string) =>
  `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=/?error=${code}"><title>New Great Game</title><p><a href="/?error=${code}">New Great Game</a></p>`;

/**
 * Last in line: unknown routes and errors. API routes answer `{ code }` (the client words it); pages get the game's own short page.
 * Never Express's default page, which shows the stack and the server's paths. A server error is logged in one line.
 */
export function errorRoutes(app: express.Application, log: RefusalLog): void {
  app.use("/api", (_req, res) => {
    res.status(404).json({ code: "not-found" });
  });
  app.use((_req, res) => {
    res.status(404).type("html").send(PAGE("not-found"));
  });
  app.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const e = error as { status?: unknown; statusCode?: unknown; type?: unknown };
    const given = typeof e?.status === "number" ? e.status : typeof e?.statusCode === "number" ? e.statusCode : 500;
    const status = given >= 400 && given < 600 ? given : 500;
    const code = status === 413 ? "too-big" : status === 400 ? "bad-input" : status < 500 ? "bad-request" : "server-error";
    if (status >= 500) log.line(`HTTP ${status} ${req.method} ${req.path}: ${oneLine(error)}`);
    else log.note(`HTTP ${status} ${req.method} ${req.path}`, addressOf(req), oneLine(error));
    if (res.headersSent) return;
    if (req.path.startsWith("/api/") || req.accepts(["json", "html"]) === "json") res.status(status).json({ code });
    else res.status(status).type("html").send(PAGE(code));
  });
}

/** HTTP beside the game: health, the public lobby, join-code look-up, and the built client. */
export function httpRoutes(app: express.Application, deps: { codes: Codes; clientDir: string; startedAt: number; limits: Limits }): void {
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

  // A join code: a miss costs the address a token of the budget the class routes share (outOfMisses above).
  app.get("/api/code/:code", async (req, res) => {
    if (await outOfMisses(deps.limits, req, res)) return;
    const roomId = await deps.codes.lookup(String(req.params.code).slice(0, 16));
    if (!roomId) {
      await spendMiss(deps.limits, req);
      res.status(404).json({ code: "unknown-code" });
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
