import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect, createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Records } from "../server/records.ts";
import { intArg, parseArgs } from "./args.ts";
import { percentile, round2 } from "./stats.ts";

/*
 * The least server CPU a paced round can cost on this machine: `npm run --silent bench:floor -- --json`.
 *
 * The same traffic as `bench:server --paced` at 1,000 rooms, with nothing of the game in it. A round there is ~12.8
 * requests, a reply to each, and ~88.7 patch frames (7 of a room's 8 clients get one per request, as measured); rooms
 * play ~0.035 rounds a second, so a room sends a request every ~2.3 s. Here each request is one byte on a plain TCP
 * socket (no WebSocket framing, no Colyseus, no engine, no validation, no state encoding); the server answers it at
 * once with 16 bytes and, 10 ms later (as the rooms gather their changes), writes a patch of `--patch-bytes` to 7 of
 * the room's sockets. The clients run in a child process on the same two cores, as the paced bench's do.
 *
 * Two kinds of window are measured, in turn: the sockets alone, and the sockets with the records' commit per request
 * that an acknowledgement waits for (the server's own `Records`, SQLite in WAL as `npm start` keeps them: the input's
 * row, and with one request in nine the room's saved state of `--room-bytes`). Each figure is the median of its
 * windows. What the real server spends beyond these is its own code.
 *
 * `--group-ms N` commits every N ms instead (group commit: several requests' rows in one transaction, their replies
 * held until it), to see how much of the records' part that would save.
 *
 * Options: --rooms 1000, --pairs 3 (of windows), --seconds 20 (each window), --patch-bytes 600, --room-bytes 1500.
 */

const SEATS = 8;
/** From the paced bench at 1,000 rooms (docs/SERVER.md): requests and patch frames in a round, rounds a second. */
const REQUESTS_PER_ROUND = 12.8;
const PATCHED_PER_REQUEST = 7;
const ROUNDS_PER_ROOM_PER_SECOND = 0.0346;
const GATHER_MS = 10;
/** A room saves its seats and clock when they change (a phase's deadline): ~1.4 times a round, one request in nine. */
const REQUESTS_PER_ROOM_SAVE = 9;
const REPLY_BYTES = 16;

const args = parseArgs(process.argv.slice(2));
const rooms = intArg(args, "rooms", 1000);

if (args.client) runClients(Number(args.port));
else void runServer();

/** The clients: every room's sockets, a request now and then from one of its seats (exponential gaps). */
function runClients(port: number): void {
  const perRoomPerSecond = REQUESTS_PER_ROUND * ROUNDS_PER_ROOM_PER_SECOND;
  const sockets: Socket[][] = [];
  let open = 0;
  for (let room = 0; room < rooms; room++) {
    sockets.push([]);
    for (let seat = 0; seat < SEATS; seat++) {
      const s = connect(port, "127.0.0.1", () => {
        s.setNoDelay(true);
        s.write(Buffer.from([room >> 8, room & 255, seat]));
        if (++open === rooms * SEATS) process.send!("open");
      });
      s.on("data", () => {});
      s.on("error", () => {});
      sockets[room]!.push(s);
    }
  }
  const request = (room: number) => {
    setTimeout(() => {
      sockets[room]![Math.floor(Math.random() * SEATS)]!.write("r");
      request(room);
    }, (-Math.log(1 - Math.random()) / perRoomPerSecond) * 1000);
  };
  process.once("message", () => { for (let room = 0; room < rooms; room++) request(room); });
}

async function runServer(): Promise<void> {
  const seconds = intArg(args, "seconds", 20);
  const pairs = Math.max(1, intArg(args, "pairs", 3));
  const patch = Buffer.alloc(intArg(args, "patch-bytes", 600), 7);
  const reply = Buffer.alloc(REPLY_BYTES, 1);
  const roomData = { state: "x".repeat(intArg(args, "room-bytes", 1500)) };
  const dir = mkdtempSync(join(tmpdir(), "ngg-floor-"));
  const records = new Records(join(dir, "floor.sqlite"));
  const matchIds = Array.from({ length: rooms }, (_, i) => records.startMatch({ roomId: `r${i}`, name: "Floor", options: {}, seed: i, room: {} }));
  const inputIndex = new Array<number>(rooms).fill(0);
  const roomSockets: Socket[][] = Array.from({ length: rooms }, () => []);
  const patchQueued = new Array<boolean>(rooms).fill(false);
  let commits = false;
  const groupMs = intArg(args, "group-ms", 0);
  let held: Socket[] = [];
  let groupTimer: ReturnType<typeof setTimeout> | null = null;
  const commitGroup = () => {
    groupTimer = null;
    records.flush();
    for (const s of held) s.write(reply);
    held = [];
  };
  let requests = 0;

  const server = createServer((socket) => {
    socket.setNoDelay(true);
    let room = -1;
    socket.on("data", (chunk: Buffer) => {
      let from = 0;
      if (room < 0) {
        room = (chunk[0]! << 8) | chunk[1]!;
        roomSockets[room]!.push(socket);
        from = 3;
      }
      for (let i = from; i < chunk.length; i++) onRequest(room, socket);
    });
    socket.on("error", () => {});
  });

  function onRequest(room: number, socket: Socket): void {
    requests++;
    if (commits) {
      const index = inputIndex[room]!++;
      records.appendInput(matchIds[room]!, index, { type: "pass", seat: "RU" } as never, "human", "0123456789abcdef");
      if (index % REQUESTS_PER_ROOM_SAVE === 0) records.saveRoom({ roomId: `r${room}`, kind: "match", open: true, code: null, data: roomData });
      if (groupMs > 0) {
        // Group commit: the replies wait for the next shared commit.
        held.push(socket);
        if (!groupTimer) groupTimer = setTimeout(commitGroup, groupMs);
      } else {
        records.flush();
        socket.write(reply);
      }
    } else socket.write(reply);
    if (patchQueued[room]) return;
    patchQueued[room] = true;
    setTimeout(() => {
      patchQueued[room] = false;
      const seats = roomSockets[room]!;
      // Seven of the eight, the requester among them (the paced bench measures ~6.9 patch frames a request).
      const skip = seats.indexOf(socket) === 0 ? 1 : 0;
      for (let i = 0, sent = 0; i < seats.length && sent < PATCHED_PER_REQUEST; i++) if (i !== skip) { seats[i]!.write(patch); sent++; }
    }, GATHER_MS);
  }

  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--client", "--port", String(port), "--rooms", String(rooms)], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  await new Promise<void>((r) => child.once("message", () => r()));
  child.send("go");
  const window = async () => {
    await new Promise((r) => setTimeout(r, 3000));
    const cpu0 = process.cpuUsage();
    const r0 = requests;
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const cpu = process.cpuUsage(cpu0);
    const rounds = (requests - r0) / REQUESTS_PER_ROUND;
    return { cpu: (cpu.user + cpu.system) / 1000 / rounds, kernel: cpu.system / 1000 / rounds, requestsPerSecond: (requests - r0) / seconds };
  };
  // The two kinds of window alternate, so that the machine's drift (large here) falls on both alike.
  const measured: Record<"socketsOnly" | "withRecords", Awaited<ReturnType<typeof window>>[]> = { socketsOnly: [], withRecords: [] };
  for (let i = 0; i < pairs; i++) {
    for (const kind of ["socketsOnly", "withRecords"] as const) {
      commits = kind === "withRecords";
      measured[kind].push(await window());
    }
  }
  child.kill();
  server.close();
  rmSync(dir, { recursive: true, force: true });
  const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
  const summary = (ws: Awaited<ReturnType<typeof window>>[]) => ({
    requestsPerSecond: Math.round(median(ws.map((w) => w.requestsPerSecond))),
    cpuMsPerRound: round2(median(ws.map((w) => w.cpu))),
    kernelMsPerRound: round2(median(ws.map((w) => w.kernel))),
    cpuMsPerRoundEachWindow: ws.map((w) => round2(w.cpu)),
  });
  const result = {
    rooms, connections: rooms * SEATS,
    framesPerRound: { requests: REQUESTS_PER_ROUND, replies: REQUESTS_PER_ROUND, patches: round2(REQUESTS_PER_ROUND * PATCHED_PER_REQUEST) },
    socketsOnly: summary(measured.socketsOnly), withRecords: summary(measured.withRecords),
  };
  console.log(args.json ? JSON.stringify(result) : result);
  process.exit(0);
}
