import { z } from "zod";
import { GAME_LENGTHS, MODES, SEATS, STATES, POWERS, TABLE_BOT_LEVELS } from "../engine/ids.ts";
import { RULES } from "../engine/rules.ts";
import type { GameEvent } from "../engine/types.ts";

/**
 * Every message between client and server, validated with zod on the server.
 * Refusals come back as { code, params } (see Refusal) and never change the game.
 */

export const SeatId = z.enum(SEATS);
export const Controller = z.enum(["human", "bot"]);
export const BotLevel = z.enum(TABLE_BOT_LEVELS);

const name = z.string().trim().min(1).max(24).regex(/^[^<>]*$/, "no angle brackets");

/** Options to create a match (lobby or solo). */
export const CreateMatchOptions = z.object({
  name,
  mode: z.enum(MODES).default("full"),
  length: z.enum(Object.keys(GAME_LENGTHS) as ["short", "standard"]).default("short"),
  startYear: z.union([z.literal(2016), z.literal(2019), z.literal(2022)]).default(2016),
  west: z.boolean().default(true),
  public: z.boolean().default(false),
  /** Seconds for each phase; 0 means no timer. An hour or more is asynchronous play (server/room/MatchRoom.ts): up to a week. */
  timerSeconds: z.number().int().min(0).max(7 * 24 * 3600).default(0),
  botLevel: BotLevel.default("normal"),
  /** Seats the creator wants played by bots from the start; others are open to humans. */
  bots: z.array(SeatId).default([]),
  /** The seat the creator takes, if any. */
  seat: SeatId.optional(),
  /** Solo: start at once with every other seat a bot. */
  solo: z.boolean().default(false),
}).strict();
export type CreateMatchOptions = z.infer<typeof CreateMatchOptions>;

export const JoinOptions = z.object({
  name,
  seat: SeatId.optional(),
  spectator: z.boolean().default(false),
  /** The seat ticket a player received when taking the seat: lets the same player take it back after a long absence. */
  ticket: z.string().min(1).max(64).optional(),
}).strict();
export type JoinOptions = z.infer<typeof JoinOptions>;

export const OrderMsg = z.object({
  action: z.string().min(1).max(40),
  target: z.union([z.enum(STATES), z.enum(POWERS)]).optional(),
  option: z.string().min(1).max(40).optional(),
}).strict();

export const Messages = {
  claimSeat: z.object({ seat: SeatId }).strict(),
  releaseSeat: z.object({}).strict(),
  setReady: z.object({ ready: z.boolean() }).strict(),
  start: z.object({}).strict(),
  setController: z.object({ seat: SeatId, controller: Controller }).strict(),
  kick: z.object({ sessionId: z.string().min(1).max(64) }).strict(),
  /** `round`, when given, must be the current round: an order sent for a round already over is stale. */
  submitOrders: z.object({ orders: z.array(OrderMsg).max(RULES.maxOrders), round: z.number().int().min(1).max(100).optional() }).strict(),
  answer: z.object({ decision: z.number().int().min(1).max(1_000_000), answer: z.string().min(1).max(40), round: z.number().int().min(1).max(100).optional() }).strict(),
  /** The bots' reasons for the steps played before this page arrived (answered with PastReasons). */
  botReasons: z.object({}).strict(),
} as const;
export type MessageName = keyof typeof Messages;

export const REFUSAL_CODES = [
  "bad-input", "rate-limited", "not-seated", "spectator", "not-host", "seat-taken", "already-started", "not-started",
  "too-big", "unknown-seat", "not-enough-humans", "stale", "not-your-seat", "game-over", "unknown-member",
] as const;

/**
 * What a refused request returns: a machine-readable code and its parameters, never a sentence (the client words it:
 * refusal.<code> in its language files).
 */
export interface Refusal { ok: false; code: string; params?: Record<string, string | number> }
export interface Accepted { ok: true }
export type Reply = Accepted | Refusal;

/** The bots' reasons for one event of a step the page did not see arrive: the step, the event (kind and parameters, as in the log) and its reasons. */
export interface PastReason { step: number; kind: string; params: GameEvent["params"]; reasons: GameEvent[] }
/** The answer to `botReasons`: the viewer's reasons for every step so far. */
export interface PastReasons extends Accepted { reasons: PastReason[] }

/** Largest message payload the server reads, in bytes of JSON. */
export const MAX_MESSAGE_BYTES = 4096;
