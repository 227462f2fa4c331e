import { WebSocketTransport } from "@colyseus/ws-transport";

/*
 * Colyseus's transport finds silent sockets (a lost network) by pinging every socket in one go: at 10,000 sockets
 * that is 10,000 frames written in one turn of the event loop, a stall of a few hundred milliseconds each interval
 * for every request that arrives meanwhile. This transport pings a slice of the sockets at a time instead: each
 * socket is still pinged once an interval and ended after the same number of unanswered pings, but the work is
 * spread over the interval.
 */

/** What the heartbeat needs of a socket: Colyseus counts the pings it has not answered (a pong resets the count). */
export interface PingedSocket {
  pingCount?: number;
  ping(): void;
  terminate(): void;
}

/** How many slices an interval is cut into: every interval / SLICES, one slice of the sockets is pinged. */
export const PING_SLICES = 30;

/**
 * Pings the sockets of one slice (those whose slice number is `slice`), numbering sockets not seen before in turn
 * so the slices stay even; a socket that has not answered `maxRetries` pings is ended instead.
 */
export function pingSlice(sockets: Iterable<PingedSocket>, slice: number, maxRetries: number, slices: WeakMap<PingedSocket, number>, numbering: { next: number }): void {
  for (const socket of sockets) {
    let own = slices.get(socket);
    if (own === undefined) slices.set(socket, (own = numbering.next++ % PING_SLICES));
    if (own !== slice) continue;
    if ((socket.pingCount ?? 0) >= maxRetries) {
      socket.terminate();
      continue;
    }
    socket.pingCount = (socket.pingCount ?? 0) + 1;
    socket.ping();
  }
}

export class SpreadPingTransport extends WebSocketTransport {
  // Colyseus calls this once the HTTP server listens, and clears `pingInterval` when it closes.
  protected override autoTerminateUnresponsiveClients(intervalMs: number, maxRetries: number): void {
    const slices = new WeakMap<PingedSocket, number>();
    const numbering = { next: 0 };
    let tick = 0;
    const sockets = this.wss.clients as unknown as Set<PingedSocket>;
    this.pingInterval = setInterval(() => pingSlice(sockets, tick++ % PING_SLICES, maxRetries, slices, numbering), intervalMs / PING_SLICES);
  }
}
