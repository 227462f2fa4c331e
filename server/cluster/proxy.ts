import { createServer, request, type IncomingMessage, type Server } from "node:http";
import { connect } from "node:net";

/*
 * The local cluster's one entry point for browsers: a small HTTP and websocket proxy.
 * - `/p<N>/…` goes to game process N with the prefix removed. Each process announces its rooms at
 *   `PUBLIC_ADDRESS=<entry>/p<N>` (Colyseus's seat reservation carries it), so a browser's websocket for a room
 *   reaches the process that holds the room, through the same host and port as the page.
 * - Everything else (the page, the HTTP routes, matchmaking) goes to the processes in turn; a process that refuses
 *   the connection (killed, restarting) is skipped and the next one asked.
 * This is what a production load balancer does with path rules (docs/SERVER.md); it is here so the cluster runs
 * with nothing but Node.
 */

export interface Backend { port: number }

const MAX_BODY = 1024 * 1024;

/** The request's headers with the client's address appended to X-Forwarded-For (game processes trust this proxy's). */
function forwardedHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  const client = req.socket.remoteAddress ?? "unknown";
  out["x-forwarded-for"] = out["x-forwarded-for"] ? `${out["x-forwarded-for"]}, ${client}` : client;
  return out;
}

export function startProxy(port: number, backends: Backend[], log: (line: string) => void = () => {}): Promise<Server> {
  let turn = 0;
  const route = (url: string): { index: number | null; path: string } => {
    const match = /^\/p(\d+)(\/.*)?$/.exec(url.split("?", 1)[0]!);
    if (match) {
      const index = Number(match[1]) - 1;
      const rest = url.slice(2 + match[1]!.length) || "/";
      return { index: index >= 0 && index < backends.length ? index : -1, path: rest.startsWith("/") ? rest : `/${rest}` };
    }
    return { index: null, path: url };
  };

  const forward = (req: IncomingMessage, body: Buffer, res: import("node:http").ServerResponse, order: number[], path: string) => {
    const [index, ...rest] = order;
    if (index === undefined) {
      res.writeHead(502, { "content-type": "application/json" }).end(JSON.stringify({ code: "no-backend" }));
      return;
    }
    const upstream = request({ host: "127.0.0.1", port: backends[index]!.port, method: req.method, path, headers: forwardedHeaders(req) }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      if (!res.headersSent && (error.code === "ECONNREFUSED" || error.code === "ECONNRESET")) return forward(req, body, res, rest, path);
      log(`proxy: process ${index + 1}: ${error.message}`);
      if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" }).end(JSON.stringify({ code: "no-backend" }));
      else res.destroy();
    });
    upstream.end(body);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        res.writeHead(413, { "content-type": "application/json" }).end(JSON.stringify({ code: "too-big" }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (res.headersSent) return;
      const { index, path } = route(req.url ?? "/");
      if (index === -1) return void res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ code: "not-found" }));
      const order = index !== null ? [index] : backends.map((_, i) => (turn + i) % backends.length);
      if (index === null) turn = (turn + 1) % backends.length;
      forward(req, Buffer.concat(chunks), res, order, path);
    });
  });

  server.on("upgrade", (req, socket, head) => {
    const { index, path } = route(req.url ?? "/");
    const target = index === null ? turn++ % backends.length : index;
    if (target < 0) return void socket.destroy();
    const upstream = connect(backends[target]!.port, "127.0.0.1", () => {
      let head0 = `${req.method} ${path} HTTP/${req.httpVersion}\r\n`;
      for (const [name, value] of Object.entries(forwardedHeaders(req))) head0 += `${name}: ${value}\r\n`;
      upstream.write(`${head0}\r\n`);
      if (head.length > 0) upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve(server));
  });
}
