import { z } from "zod";
import { BotLevel, OrderMsg, SeatId } from "./messages.ts";
import { GAME_LENGTHS, MODES } from "../engine/ids.ts";
import { RULES } from "../engine/rules.ts";

/*
 * Classroom sessions: a teacher runs one game for a class. Students join with the class code and a
 * nickname; the teacher, holding the session's secret key, assigns them to seats as teams and runs
 * the game. Every message here is validated with zod on the server and answered with a Reply.
 */

export const Nickname = z.string().trim().min(1).max(20).regex(/^[^<>]*$/, "no angle brackets");

/** A student's browser's rejoin secret: random, made and kept by the browser, sent only when joining. */
export const DeviceSecret = z.string().min(16).max(64).regex(/^[A-Za-z0-9_-]+$/, "letters, digits, - and _ only");

/** Why a student's join is refused: ids the client words in its own language. */
export const JOIN_REFUSALS = ["name-taken", "name-in-use", "locked", "class-full"] as const;
export type JoinRefusal = (typeof JOIN_REFUSALS)[number];

/** Close code of a student screen whose nickname the teacher let another device take. */
export const REPLACED_CLOSE_CODE = 4003;

/** What the teacher chooses when creating a session (POST /api/class). */
export const CreateClassOptions = z.object({
  name: z.string().trim().min(1).max(40).regex(/^[^<>]*$/).default("Class game"),
  mode: z.enum(MODES).default("full"),
  length: z.enum(Object.keys(GAME_LENGTHS) as ["short", "standard"]).default("short"),
  startYear: z.union([z.literal(2016), z.literal(2019), z.literal(2022)]).default(2016),
  west: z.boolean().default(true),
  timerSeconds: z.number().int().min(0).max(3600).default(0),
  botLevel: BotLevel.default("normal"),
}).strict();
export type CreateClassOptions = z.infer<typeof CreateClassOptions>;

/** How each kind of screen joins a class room. */
export const ClassJoinOptions = z.discriminatedUnion("role", [
  z.object({ role: z.literal("teacher"), key: z.string().min(8).max(128) }).strict(),
  z.object({ role: z.literal("projector") }).strict(),
  // `device` is the browser's own rejoin secret (kept in its storage): a nickname alone never gives a seat back.
  z.object({ role: z.literal("student"), name: Nickname, device: DeviceSecret }).strict(),
]);
export type ClassJoinOptions = z.infer<typeof ClassJoinOptions>;

const seconds = z.number().int().min(0).max(3600);

/** Messages only the teacher may send. */
export const TeacherMessages = {
  assign: z.object({ name: Nickname, seat: SeatId.nullable() }).strict(),
  randomTeams: z.object({}).strict(),
  startClass: z.object({}).strict(),
  pause: z.object({}).strict(),
  resume: z.object({}).strict(),
  setTimer: z.object({ seconds }).strict(),
  extendTimer: z.object({ seconds: z.number().int().min(1).max(3600) }).strict(),
  skipTimer: z.object({}).strict(),
  advance: z.object({}).strict(),
  setSeatController: z.object({ seat: SeatId, controller: z.enum(["human", "bot"]) }).strict(),
  rename: z.object({ name: Nickname, to: Nickname }).strict(),
  remove: z.object({ name: Nickname }).strict(),
  /** Lets the student of that nickname join once from a browser other than the one that holds the seat. */
  allowNewDevice: z.object({ name: Nickname }).strict(),
  lock: z.object({ locked: z.boolean() }).strict(),
  broadcast: z.object({ text: z.string().trim().max(200).regex(/^[^<>]*$/, "no angle brackets") }).strict(),
} as const;
export type TeacherMessageName = keyof typeof TeacherMessages;

/** Messages a student of a team may send (besides the game's submitOrders and answer). */
export const StudentMessages = {
  /** The team's shared draft of orders: every member sees it live; any member submits it. */
  draft: z.object({ orders: z.array(OrderMsg).max(RULES.maxOrders), round: z.number().int().min(1).max(100) }).strict(),
} as const;

/** A team's shared draft, as kept in the seat's Secret (JSON). */
export interface TeamDraft { orders: { action: string; target?: string; option?: string }[]; round: number; by: string }

/**
 * A bot seat's reason for its last orders, as kept in the seat's Secret (JSON) for the teacher: the round they were
 * given in, and the reason's id and parameters (shared/bots/why.ts), which the teacher's screen words.
 */
export interface SeatReason { round: number; params: Record<string, string | number | boolean> }

/** What POST /api/class returns once: the key is never shown again, only its hash is kept. */
export interface CreatedClass { code: string; key: string }

/** GET /api/class-network: where students can reach the server (for the join link and QR code). */
export interface ClassNetwork {
  /** PUBLIC_URL, without a trailing slash; null when unset. */
  publicUrl: string | null;
  /** http://ADDRESS:PORT for each of the server machine's IPv4 addresses on a local network. */
  lan: string[];
}
