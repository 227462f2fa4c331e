import { ClientState, Protocol, SchemaSerializer, type Client } from "@colyseus/core";
import type { Schema } from "@colyseus/schema";

/*
 * Colyseus sends every client a patch frame whenever anything in the state changed, even when all that changed is
 * a seat's secret the client may not see: the frame then holds its header alone. In a class every edit of a team's
 * draft reached every student, the teacher and the projector that way, each a frame the server writes and the page
 * decodes for nothing; and its arrival tells a client that some seat's hidden part just changed. This serializer
 * sends a client a patch only when there is something in it for that client.
 */

/** The header byte every patch frame begins with: a frame of this byte alone carries no change. */
const HEADER_BYTES = 1;

export class ViewPatchSerializer<T extends Schema> extends SchemaSerializer<T> {
  override applyPatches(clients: Client[], state?: unknown, timing?: Parameters<SchemaSerializer<T>["applyPatches"]>[2]): boolean {
    // Timed frames double as the clients' clock (input prediction): those rooms keep Colyseus's own sending.
    if (timing !== undefined || !this.hasFilters || clients.length === 0) return super.applyPatches(clients, state, timing);
    // The room's tick finds nothing new most of the time: answered here without the list Colyseus builds each time.
    if (!this.encoder.hasChanges) return viewChanged(clients) ? super.applyPatches(clients, state, timing) : false;
    this.needFullEncode = true;
    const it = { offset: HEADER_BYTES };
    this.encoder.sharedBuffer[0] = Protocol.ROOM_STATE_PATCH;
    const shared = this.encoder.encode(it);
    const sharedOffset = it.offset;
    // Clients with the same view (a team's members) share one encoding, as in Colyseus.
    const byView = new Map<object, Uint8Array>();
    for (let i = clients.length - 1; i >= 0; i--) {
      const client = clients[i]!;
      if (client.state !== ClientState.JOINED) continue;
      let frame = client.view ? byView.get(client.view) : shared;
      if (frame === undefined) {
        frame = this.encoder.encodeView(client.view!, sharedOffset, it);
        byView.set(client.view!, frame);
      }
      if (frame.length > HEADER_BYTES) client.raw(frame);
    }
    this.encoder.discardChanges();
    return true;
  }
}

/** Whether a client's view gained or lost something (a seat's secret shown to it) since its last patch. */
function viewChanged(clients: Client[]): boolean {
  for (let i = 0; i < clients.length; i++) if ((clients[i]!.view?.changes.size ?? 0) > 0) return true;
  return false;
}

/**
 * For a room's `setSerializer` override: Colyseus gives a room with a schema state its own SchemaSerializer (when
 * the state is set, before the room's encoder exists); this puts ours in its place, so there is one encoder.
 */
export function visiblePatches<S>(serializer: S): S {
  return serializer instanceof SchemaSerializer && !(serializer instanceof ViewPatchSerializer) ? (new ViewPatchSerializer() as S) : serializer;
}
