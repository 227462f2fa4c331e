import { schema, t } from "@colyseus/schema";

/*
 * The room's synchronised state (@colyseus/schema 5, non-decorator API).
 * Everything is public except `secrets`: that map is tagged `.view()`, so a secret reaches only the
 * clients whose StateView holds it (its seat's players, later a teacher). Game records that have a
 * generic shape (countries, global tracks, stats, history) travel as flattened documents so that a
 * change of one number patches one number.
 */

/** A flattened plain object: "influence.china.economy" -> 4. Absent keys are nulls. */
export const Doc = schema({
  n: t.map("number"),
  s: t.map("string"),
  b: t.map("boolean"),
}, "Doc");
export type Doc = InstanceType<typeof Doc>;

/*
 * Events travel as one JSON string per step (an input and what it set off), not one object per event:
 * a step's events are appended together and never change, so a string is the cheapest form on the wire
 * and to decode.
 *   public log entry:  [step, [[kind, round, params], ...]]
 *   secret log entry:  [step, [[kind, round, params, to, after], ...]]
 * Public events are numbered by their place in the public log; a private event carries `after`, the
 * number of public events before it, so each viewer merges the two in order without learning how many
 * private events others received. `to` lists the seats a private event is visible to.
 */
export type PublicLogEntry = [step: number, events: [kind: string, round: number, params: Record<string, string | number | boolean>][]];
export type SecretLogEntry = [step: number, events: [kind: string, round: number, params: Record<string, string | number | boolean>, to: string[], after: number][]];

export const SeatEntry = schema({
  controller: t.string().default("bot"),
  players: t.array("string"),
  ready: t.boolean().default(false),
  /** False while none of the seat's players is connected. */
  connected: t.boolean().default(true),
  /** A human seat whose players are gone past the grace period: a bot plays it until they return. */
  away: t.boolean().default(false),
  funds: t.number().default(0),
  income: t.number().default(0),
  ap: t.number().default(0),
  score: t.number().default(0),
  submitted: t.boolean().default(false),
  /** The secret agenda, revealed to everyone only once the game is over. */
  agenda: t.string().default(""),
}, "SeatEntry");
export type SeatEntry = InstanceType<typeof SeatEntry>;

export const Member = schema({
  name: t.string().default(""),
  seat: t.string().default(""),
  spectator: t.boolean().default(false),
  connected: t.boolean().default(true),
  /** Classroom: "allowed" while the teacher lets this nickname join from another browser, "joined" once it did. */
  newDevice: t.string().default(""),
}, "Member");
export type Member = InstanceType<typeof Member>;

/** What only a seat (and a teacher) may see. */
export const Secret = schema({
  seat: t.string().default(""),
  agenda: t.string().default(""),
  /** Lets this seat's player take the seat back after the grace period (kept by the client). */
  ticket: t.string().default(""),
  /** JSON of the seat's pending orders (Order[]). */
  orders: t.string().default("[]"),
  /**
   * The decisions this seat must answer or has asked for, by id: each one's JSON (a Decision without its answer),
   * written once when it opens. Answers come apart in `answers` (id -> answer), so an answer patches a few bytes
   * instead of the whole list again.
   */
  decisions: t.map("string"),
  answers: t.map("string"),
  /** Private events visible to this seat, in order: SecretLogEntry JSON, one string per step. */
  log: t.array("string"),
  /** Classroom: JSON of the team's shared draft of orders (TeamDraft), "" without one. */
  draft: t.string().default(""),
  /** Classroom, for the teacher: JSON of a bot seat's reason for its last orders (SeatReason), "" for a team's seat. */
  reason: t.string().default(""),
}, "Secret");
export type Secret = InstanceType<typeof Secret>;

export const MatchState = schema({
  name: t.string().default(""),
  code: t.string().default(""),
  isPublic: t.boolean().default(false),
  mode: t.string().default("full"),
  length: t.string().default("short"),
  hostId: t.string().default(""),
  started: t.boolean().default(false),
  timerSeconds: t.number().default(0),
  /** Epoch milliseconds when the phase's timer runs out; 0 without a running timer. */
  timerEndsAt: t.number().default(0),
  paused: t.boolean().default(false),
  broadcast: t.string().default(""),
  /** Set (to the round after which it changed course) when the game's record no longer replays under the current rules: read-only. */
  rulesChanged: t.uint8().default(0),
  /** Classroom: a class session run by a teacher; `locked` refuses new students. */
  classroom: t.boolean().default(false),
  locked: t.boolean().default(false),
  /** Seconds a dropped player keeps the session (its reconnection token); a page coming back later goes straight to its ticket. */
  graceSeconds: t.uint16().default(0),

  /** "lobby" before the game starts, then the engine's phase. */
  phase: t.string().default("lobby"),
  round: t.uint8().default(0),
  maxRounds: t.uint8().default(0),
  /**
   * The latest step (an accepted input) with public events, as the public log labels it. A step that only records a
   * seat's input while its phase stays open (an order, an answer) leaves it: an answer changes nothing anyone else
   * sees, so the other seats get no patch and no sign of it.
   */
  step: t.uint32().default(0),
  seatOrder: t.array("string"),
  news: t.array("string"),
  options: t.ref(Doc),
  global: t.ref(Doc),
  countries: t.map(Doc),
  stats: t.ref(Doc),
  /** JSON of each round's snapshot for the charts, appended once a round. */
  history: t.array("string"),
  winners: t.array("string"),
  endReason: t.string().default(""),

  seats: t.map(SeatEntry),
  members: t.map(Member),
  /** Public events: PublicLogEntry JSON, one string per step. */
  log: t.array("string"),
  secrets: t.map(Secret).view(),
}, "MatchState");
export type MatchState = InstanceType<typeof MatchState>;
