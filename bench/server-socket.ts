import { decode } from "@colyseus/schema";

/*
 * Setup of the load generator's process; import before the SDK.
 *
 * 1. @colyseus/sdk uses the `ws` package instead of Node's built-in WebSocket (undici): `ws` is lighter
 *    per message with thousands of sockets in one process.
 * 2. Strings are decoded into flat strings. The schema decoder builds each string one character at a
 *    time (`s += String.fromCharCode(b)`), which V8 keeps as a rope of one small object per character
 *    until the string is read as a whole. Two thousand decoded states held ~1.8 GB of such ropes (every
 *    log line, document key and JSON field), and the generator spent ~40% of its time in the garbage
 *    collector with pauses of 60–100 ms: those pauses, not the server, made most of the slow replies.
 */
delete (globalThis as { WebSocket?: unknown }).WebSocket;

const utf8 = new TextDecoder();
const slowString = decode.string;
decode.string = function string(...args: Parameters<typeof slowString>): string {
  const [bytes, it] = args;
  if (!(bytes instanceof Uint8Array)) return slowString(bytes, it);
  const prefix = bytes[it.offset]!;
  let length: number;
  let header: number;
  if (prefix < 0xc0) { length = prefix & 0x1f; header = 1; }
  else if (prefix === 0xd9) { length = bytes[it.offset + 1]!; header = 2; }
  else if (prefix === 0xda) { length = bytes[it.offset + 1]! | (bytes[it.offset + 2]! << 8); header = 3; }
  else return slowString(bytes, it);
  // Short strings come out flat anyway (V8 only makes ropes of 13 characters or more).
  if (length < 13) return slowString(bytes, it);
  const start = it.offset + header;
  const end = Math.min(bytes.length, start + length);
  it.offset = start + length;
  return utf8.decode(bytes.subarray(start, end));
};
