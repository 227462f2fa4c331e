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
 * One interval's pings, spread over PING_SLICES ticks. Each interval walks the sockets once, from where the last tick
 * stopped (a Set's iterator survives additions and deletions), a slice of the sockets a tick: no tick looks at more
 * sockets than it pings. A socket that has not answered `maxRetries` pings is ended instead. A socket that arrives
 * during an interval is pinged in it if its slices have room left, else in the next.
 */
export class SlicedPings {
  private tickOfInterval = 0;
  private perTick = 0;
  private walk: Iterator<PingedSocket> | null = null;
  private readonly sockets: Set<PingedSocket>;
  private readonly maxRetries: number;

  constructor(sockets: Set<PingedSocket>, maxRetries: number) {
    this.sockets = sockets;
    this.maxRetries = maxRetries;
  }

  tick(): void {
    if (this.tickOfInterval === 0) {
      this.walk = this.sockets.values();
      this.perTick = Math.ceil(this.sockets.size / PING_SLICES);
    }
    this.tickOfInterval = (this.tickOfInterval + 1) % PING_SLICES;
    for (let n = 0; n < this.perTick; n++) {
      const next = this.walk?.next();
      if (!next || next.done) {
        this.walk = null;
        return;
      }
      const socket = next.value;
      if ((socket.pingCount ?? 0) >= this.maxRetries) {
        socket.terminate();
        continue;
      }
      socket.pingCount = (socket.pingCount ?? 0) + 1;
      socket.ping();
    }
  }
}

export class SpreadPingTransport extends WebSocketTransport {
  // Colyseus calls this once the HTTP server listens, and clears `pingInterval` when it closes.
  protected override autoTerminateUnresponsiveClients(intervalMs: number, maxRetries: number): void {
    const pings = new SlicedPings(this.wss.clients as unknown as Set<PingedSocket>, maxRetries);
    this.pingInterval = setInterval(() => pings.tick(), intervalMs / PING_SLICES);
  }
}
