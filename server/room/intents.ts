import { ClientState, Protocol, ResponseStatus, ServerError, getMessageBytes, type Client } from "@colyseus/core";
import { decode } from "@colyseus/schema";
import { z } from "zod";
import { MAX_MESSAGE_BYTES, Messages, type MessageName, type Refusal, type Reply } from "../../shared/protocol/messages.ts";
import type { ServerContext } from "../context.ts";

/**
 * Each message schema wrapped so that validation never throws: the room's handler receives either the
 * parsed payload or a refusal with a reason, answers it, and the client stays connected (a failed
 * Colyseus validator would drop a client that used `send` instead of `request`).
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

/** A refusal: its code and parameters only; the client words it in the player's language. */
export function refuse(code: string, params?: Record<string, string | number>): Refusal {
  return params ? { ok: false, code, params } : { ok: false, code };
}

function byteSize(raw: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(raw) ?? "");
  } catch {
    return Infinity;
  }
}

export function envelope<K extends MessageName>(name: K) {
  const inner = Messages[name];
  return z.unknown().transform((raw): Parsed<z.output<(typeof Messages)[K]>> => {
    if (byteSize(raw) > MAX_MESSAGE_BYTES) return { ok: false, refusal: refuse("too-big", { max: MAX_MESSAGE_BYTES }) };
    const result = inner.safeParse(raw ?? {});
    if (result.success) return { ok: true, value: result.data as z.output<(typeof Messages)[K]> };
    const issue = result.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join(".")})` : "";
    return { ok: false, refusal: refuse("bad-input") };
  });
}

/**
 * A refused join or room creation: logged in one line (repeats counted), and thrown as Colyseus's ServerError,
 * which the framework passes to the client without printing its stack. The client's error reads "reason-id" (and its
 * parameters as JSON after a space, if any): the client words it in the player's language.
 */
export function refusedJoin(ctx: Pick<ServerContext, "refusals">, code: string, params?: Record<string, string | number>): ServerError {
  const detail = params ? `${code} ${JSON.stringify(params)}` : code;
  ctx.refusals.note("join", "", detail);
  return new ServerError(403, detail);
}

const PROTOCOL_CODE_MASK = 31;

/**
 * Colyseus answers a `room.request()` whose type has no handler with its own error ("has no onMessage handler"),
 * although its wildcard handler answers a plain message of that type. This puts the room's own answer in its place:
 * a request frame of an unknown type gets `answer(client, type)` as an ordinary reply (`{ ok: false, code }`).
 * Every other frame goes to Colyseus unchanged.
 */
export function answerUnknownRequests(room: object, answer: (client: Client, type: string) => Reply): void {
  const r = room as { _onMessage(client: Client, buffer: Uint8Array): void; onMessageEvents: { events: Record<string, unknown[] | undefined> } };
  const original = r._onMessage;
  r._onMessage = function (this: typeof r, client: Client, buffer: Uint8Array) {
    if (buffer && buffer.length > 1 && (buffer[0]! & PROTOCOL_CODE_MASK) === Protocol.ROOM_REQUEST && client.state !== ClientState.LEAVING) {
      let request: { id: number; type: string } | null = null;
      try {
        const it = { offset: 1 };
        const id = decode.number(buffer as Buffer, it);
        const type = decode.stringCheck(buffer as Buffer, it) ? decode.string(buffer as Buffer, it) : String(decode.number(buffer as Buffer, it));
        request = { id, type };
      } catch {
        // Not a frame we can read: Colyseus deals with it as before.
      }
      // The same test Colyseus makes before answering "no handler".
      if (request && this.onMessageEvents.events[request.type]?.[0] === undefined) {
        client.enqueueRaw(getMessageBytes[Protocol.ROOM_RESPONSE](request.id, ResponseStatus.OK, answer(client, request.type)));
        return;
      }
    }
    original.call(this, client, buffer);
  };
}
