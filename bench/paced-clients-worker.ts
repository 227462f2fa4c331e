import { parentPort, workerData } from "node:worker_threads";
import { PacedClients, type PacedClientsOptions } from "./paced-clients.ts";

/** A generator thread: its share of the paced clients, driven by the bench's messages ({ id, op, rooms }), each answered with { id, result }. */
const clients = new PacedClients(workerData as PacedClientsOptions);
parentPort!.on("message", async ({ id, op, rooms }: { id: number; op: "open" | "startWindow" | "endWindow" | "stop"; rooms?: number }) => {
  try {
    const result = op === "open" ? await clients.open(rooms ?? 0) : op === "startWindow" ? clients.startWindow() : op === "endWindow" ? clients.endWindow() : clients.stop();
    parentPort!.postMessage({ id, result });
  } catch (e) {
    parentPort!.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
