/**
 * The state encoder's buffer, per room. A finished standard game's full state with a seat's view is about 50 KB
 * (its whole event log included), above the encoder's default 16 KB; the encoder keeps two buffers a room and grows
 * one to twice this size, so a larger figure costs every room held (256 KB cost ~0.8 MB a room, most of a room's
 * memory). tests/server/project.test.ts checks that finished games keep a margin under it.
 */
export const ENCODER_BUFFER_BYTES = 96 * 1024;
