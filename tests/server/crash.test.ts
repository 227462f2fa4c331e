import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { resumeRemoteMatch, type RemoteConnection, type StoredSession } from "../../client/net/remoteConnection.ts";
import { createRemoteMatch, joinRemoteMatch, memoryStore, ordersSent, until } from "./helpers.ts";
import { newClass, student } from "../classroom/helpers.ts";

/*
 * The server as its own process, killed with SIGKILL mid-round (no shutdown, no last write) and started again on the
 * same database and port: a match's players come back to their seats with the tickets their browsers hold, and the
 * game goes on from the same step with every acknowledged input.
 */

const ROOT = resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "ngg-crash-"));
const dbPath = join(dir, "games.sqlite");
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** Starts `server/main.ts` in a child process and resolves once it listens. */
function startProcess(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT, env: { ...process.env, PORT: String(port), DB_PATH: dbPath }, stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise((done, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${out}`)), 30_000);
    child.stdout!.on("data", (chunk) => {
      out += String(chunk);
      if (out.includes("New Great Game:")) {
        clearTimeout(timer);
        done(child);
      }
    });
    child.stderr!.on("data", (chunk) => { out += String(chunk); });
    child.once("exit", (code) => reject(new Error(`the server exited (${code}): ${out}`)));
  });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    child.once("exit", () => done());
    child.kill("SIGKILL");
  });
}

/** What a browser keeps in localStorage, copied as it stood (the old page's SDK may clear its own store as it gives up). */
function copyOf(store: { value: StoredSession | null }) {
  const copy = memoryStore();
  copy.value = JSON.parse(JSON.stringify(store.value));
  return copy;
}

/** The inputs of the newest game on disk. */
function inputsOnDisk(): { idx: number; input: string; digest: string | null }[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    // The newest game's (the tests share one database).
    return db.prepare("SELECT idx, input, digest FROM inputs WHERE match_id = (SELECT MAX(id) FROM matches) ORDER BY idx").all() as { idx: number; input: string; digest: string | null }[];
  } finally {
    db.close();
  }
}

describe("a match outlives its server process", () => {
  it("killed with SIGKILL mid-round and restarted on the same database, a private match goes on from the same step", async () => {
    const port = await freePort();
    const url = `ws://127.0.0.1:${port}`;
    const first = await startProcess(port);

    const storeA = memoryStore();
    const storeB = memoryStore();
    const ana = await createRemoteMatch(url, { name: "Ana", seat: "russia", timerSeconds: 600, botLevel: "easy" }, storeA);
    const code = ana.match().code!;
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    const bo = await joinRemoteMatch(url, code, { name: "Bo", seat: "china" }, storeB);
    expect(await ana.send("start", {})).toEqual({ ok: true });
    await until("orders are open for both", () => !!ana.view()?.owes && !!bo.view()?.owes && ana.view()!.phase === "orders");
    const round = ana.view()!.round;
    // Ana's orders are acknowledged; Bo has not sent his when the process dies.
    expect(await ana.send("submitOrders", { orders: [], round })).toEqual({ ok: true });
    await until("the bots have sent theirs", () => ana.view()!.seats.filter((s) => s.submitted).length === ana.view()!.seats.length - 1);
    const stepBefore = ana.rawState.step;
    const sentBefore = ordersSent(ana.rawState);
    const deadlineBefore = ana.match().timerEndsAt!;
    expect(deadlineBefore).toBeGreaterThan(Date.now());
    const logBefore = ana.events().length;
    const ticketA = storeA.value!.ticket;
    expect(ticketA).toBeTruthy();
    const savedA = copyOf(storeA);
    const savedB = copyOf(storeB);
    const onDisk = inputsOnDisk();
    expect(onDisk.length).toBe(sentBefore);
    expect(onDisk.every((r) => r.digest && /^[0-9a-f]{16}$/.test(r.digest))).toBe(true);

    await kill(first);
    await until("both pages see the connection go", () => ana.status() !== "open" && bo.status() !== "open");
    await startProcess(port);

    // The join code still finds the match after the restart.
    const byCode = await fetch(`http://127.0.0.1:${port}/api/code/${code}`).then((r) => r.json()) as { roomId: string };
    expect(byCode.roomId).toBe(ana.roomId);

    // The pages come back as after a refresh: the session is gone, so the seat's ticket takes the seat back.
    const ana2 = (await resumeRemoteMatch(url, savedA))!;
    expect(ana2).not.toBeNull();
    const bo2 = (await resumeRemoteMatch(url, savedB))!;
    expect(bo2).not.toBeNull();
    await until("Ana sees the game again", () => ana2.view()?.round === round && ana2.match().you.seat === "russia");
    expect(ana2.roomId).toBe(ana.roomId);
    expect(ana2.rawState.step).toBe(stepBefore);
    expect(ana2.events().length).toBe(logBefore);
    expect(ana2.view()!.phase).toBe("orders");
    expect(ana2.view()!.seats.find((s) => s.seat === "russia")!.submitted).toBe(true);
    expect(ana2.view()!.seats.find((s) => s.seat === "china")!.submitted).toBe(false);
    expect(bo2.match().you.seat).toBe("china");
    // The deadline is the same absolute time (held at the restart, running again once players were back).
    await until("the deadline runs", () => (ana2.match().timerEndsAt ?? 0) > 0);
    expect(Math.abs(ana2.match().timerEndsAt! - deadlineBefore)).toBeLessThan(5_000);
    expect(ana2.match().you.host).toBe(true);
    // Nothing acknowledged was lost, and the game goes on: Bo's orders close the phase.
    expect(inputsOnDisk().slice(0, onDisk.length)).toEqual(onDisk);
    expect(await bo2.send("submitOrders", { orders: [], round })).toEqual({ ok: true });
    // What follows China's orders depends on the game's seed (an offer to a player waits for that player): the test
    // asks only that the orders phase is over.
    await until("the orders phase closes", () => ana2.view()!.phase !== "orders" || ana2.view()!.round > round);
    expect(inputsOnDisk().length).toBeGreaterThan(sentBefore);

    for (const c of [ana, bo, ana2, bo2] as RemoteConnection[]) await c.leave().catch(() => {});
  }, 120_000);

  it("killed with SIGKILL mid-round, a class session comes back with every acknowledged input, the teams and a draft", async () => {
    const port = await freePort();
    const url = `ws://127.0.0.1:${port}`;
    const first = await startProcess(port);
    const { teacher, code } = await newClass(url);
    const ana = await student(url, code, "Ana");
    const cy = await student(url, code, "Cy");
    expect(await teacher.request("assign", { name: "Ana", seat: "russia" })).toEqual({ ok: true });
    expect(await teacher.request("assign", { name: "Cy", seat: "china" })).toEqual({ ok: true });
    expect(await teacher.request("setTimer", { seconds: 600 })).toEqual({ ok: true });
    expect(await teacher.request("startClass", {})).toEqual({ ok: true });
    await until("orders open", () => ana.current?.game.view()?.phase === "orders" && !!cy.current?.game.view());
    const round = ana.current!.game.view()!.round;
    expect(await ana.request("submitOrders", { orders: [], round })).toEqual({ ok: true });
    expect(await cy.request("draft", { orders: [], round })).toEqual({ ok: true });
    // Everyone but China's team has sent orders (the bots too): the phase waits for China.
    await until("only China owes", () => {
      const st = teacher.state();
      let others = true;
      st?.seats.forEach((seat, id) => { if (id !== "china" && !seat.submitted) others = false; });
      return !!st && others;
    });
    const onDisk = inputsOnDisk();
    await until("the teacher's screen has caught up", () => ordersSent(teacher.state()!) === onDisk.length);
    const stepBefore = teacher.state()!.step;
    const deadlineBefore = teacher.state()!.timerEndsAt;
    expect(deadlineBefore).toBeGreaterThan(Date.now());

    await kill(first);
    await until("the screens see the server go", () => [teacher, ana, cy].every((l) => l.status === "reconnecting"));
    await startProcess(port);
    // The links retry on their own: the teacher reopens the class with the key, the students find it by code.
    await until("all back", () => [teacher, ana, cy].every((l) => l.status === "open"), 30_000);
    await until("the game shows", () => ordersSent(teacher.state()!) === onDisk.length && teacher.state()!.started);
    const after = teacher.state()!;
    expect(after.step).toBe(stepBefore);
    expect(after.round).toBe(round);
    expect(after.phase).toBe("orders");
    expect(after.seats.get("russia")!.submitted).toBe(true);
    expect(after.seats.get("china")!.submitted).toBe(false);
    await until("China's draft is back", () => !!cy.state()?.secrets?.get("china")?.draft);
    await until("the deadline runs", () => teacher.state()!.timerEndsAt > 0);
    expect(Math.abs(teacher.state()!.timerEndsAt - deadlineBefore)).toBeLessThan(10_000);
    expect(inputsOnDisk().slice(0, onDisk.length)).toEqual(onDisk);
    expect(await cy.request("submitOrders", { orders: [], round })).toEqual({ ok: true });
    await until("the orders phase closes", () => teacher.state()!.phase !== "orders" || teacher.state()!.round > round);
    for (const l of [teacher, ana, cy]) await l.stop();
  }, 120_000);
});
