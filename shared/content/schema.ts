import { z } from "zod";
import { ASSETS, DOMAINS, ORGS, POWERS, SEATS, STATES } from "../engine/ids.ts";
import { ARRANGEMENTS, CRISIS_KINDS } from "../engine/types.ts";

/** Where a rule comes from: an article under shared/seeds and a short quote found word for word in it. */
export const Source = z.object({
  file: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/),
  quote: z.string().min(8).max(300),
});
export type Source = z.infer<typeof Source>;

/** Which states an effect touches. "target" is the state an order or a decision is about. */
export const StateSelector = z.union([
  z.enum(STATES),
  z.enum(["target", "actor", "all", "csto", "eaeu", "sco", "xinjiangBorder", "afghanBorder"]),
]);
export type StateSelector = z.infer<typeof StateSelector>;

export const STATE_TRACKS = ["stability", "prosperity", "sovereignty", "debt", "capacity", "remittances"] as const;
export const GLOBAL_TRACKS = ["tension", "asymmetry", "westPresence", "afghanThreat", "allInclusivePressure"] as const;

/** A seat named directly, or relative to the order: who gave it, or whom it targets. */
export const SeatRef = z.union([z.enum(SEATS), z.enum(["actor", "target"])]);

export const Effect = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("track"), states: StateSelector, track: z.enum(STATE_TRACKS), delta: z.number().int() }),
  z.object({ kind: z.literal("influence"), states: StateSelector, power: z.enum(POWERS), domain: z.enum(DOMAINS), delta: z.number().int() }),
  z.object({ kind: z.literal("opinion"), states: StateSelector, of: z.enum(["china", "russia"]), delta: z.number().int() }),
  z.object({ kind: z.literal("asset"), states: StateSelector, asset: z.enum(ASSETS), delta: z.number().int() }),
  z.object({ kind: z.literal("member"), states: StateSelector, org: z.enum(ORGS), value: z.boolean() }),
  z.object({ kind: z.literal("global"), track: z.enum(GLOBAL_TRACKS), delta: z.number().int() }),
  z.object({ kind: z.literal("funds"), seat: SeatRef, delta: z.number().int() }),
  z.object({ kind: z.literal("income"), seat: SeatRef, delta: z.number().int() }),
  z.object({ kind: z.literal("crisis"), states: StateSelector, crisis: z.enum(CRISIS_KINDS) }),
]);
export type Effect = z.infer<typeof Effect>;

/** Conditions on an order's target state, checked by the rules. */
export const REQUIREMENTS = [
  "notCsto", "csto", "notEaeu", "notSco", "sco",
  "afghanBorder", "xinjiangBorder", "gas", "hasDebt", "distress", "unfinishedBri", "migrantLeverage", "crisis", "notNeutral",
  "russianBase", "otherState",
] as const;
export const Requirement = z.enum(REQUIREMENTS);
export type Requirement = z.infer<typeof Requirement>;

export const SeatGroup = z.union([z.enum(SEATS), z.literal("states")]);

/** Content is data: ids, numbers, rules and sources. Its display names and descriptions are the client's, by id, per language (client/i18n/content-*.ts). */
export const ActionDef = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  seats: z.array(SeatGroup).min(1),
  domain: z.enum(DOMAINS),
  ap: z.number().int().min(0).max(3),
  cost: z.number().int().min(0).max(10),
  /** state: a Central Asian state; power: Russia, China or the West (offers between powers); none: no target. */
  target: z.enum(["state", "power", "none"]),
  /** An offer goes to the target seat, which accepts or declines before resolution. */
  offer: z.boolean(),
  /** The answer of an absent human's seat. */
  defaultAnswer: z.enum(["accept", "decline"]).optional(),
  requires: z.array(Requirement).default([]),
  /** Choices the order carries (a new division of labour, an organisation, a lender). */
  options: z.array(z.string()).optional(),
  special: z.enum(["bargain", "leaveOrg", "seekRefinancing"]).optional(),
  effects: z.array(Effect),
  /** Effects that follow the chosen option, besides `effects` (leaving the EAEU costs what joining it gave). */
  optionEffects: z.record(z.string(), z.object({ effects: z.array(Effect).min(1), source: Source })).optional(),
  source: Source,
}).refine((a) => Object.keys(a.optionEffects ?? {}).every((o) => a.options?.includes(o)), { message: "optionEffects names an option the action does not offer" });
export type ActionDef = z.infer<typeof ActionDef>;

export const CardDef = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The card can be drawn from this year on (era gating). */
  fromYear: z.number().int().min(2000).max(2040),
  toYear: z.number().int().min(2000).max(2040).optional(),
  /** Generic cards may come back; historical ones are drawn once per game. */
  repeatable: z.boolean().default(false),
  effects: z.array(Effect).min(1),
  source: Source,
});
export type CardDef = z.infer<typeof CardDef>;

export const AGENDA_CHECKS = [
  "kazakhstanFirst", "controlledInstability", "keepOutsidersOut",
  "xinjiangFirst", "energySecurity", "digitalSilkRoad",
  "multiVector", "prosperityFirst", "neutrality", "allInclusive",
  "connectivity", "securityPartner",
] as const;

export const AgendaDef = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  seats: z.array(SeatGroup).min(1),
  check: z.enum(AGENDA_CHECKS),
  points: z.number().int().min(1).max(20),
  source: Source,
});
export type AgendaDef = z.infer<typeof AgendaDef>;

export const Sourced = z.object({ field: z.string(), source: Source });

export const CountryDef = z.object({
  id: z.enum(STATES),
  stability: z.number().int().min(0).max(10),
  prosperity: z.number().int().min(0).max(10),
  sovereignty: z.number().int().min(0).max(10),
  debt: z.number().int().min(0).max(60),
  capacity: z.number().int().min(1).max(60),
  opinion: z.object({ china: z.number().int().min(-3).max(3), russia: z.number().int().min(-3).max(3) }),
  members: z.object({ csto: z.boolean(), eaeu: z.boolean(), sco: z.boolean() }),
  assets: z.object(Object.fromEntries(ASSETS.map((a) => [a, z.number().int().min(0).max(9)])) as Record<(typeof ASSETS)[number], z.ZodNumber>),
  remittances: z.number().int().min(0).max(5),
  influence: z.object(Object.fromEntries(POWERS.map((p) => [p, z.object({ security: z.number().int(), economy: z.number().int(), politics: z.number().int() })])) as Record<(typeof POWERS)[number], z.ZodObject<{ security: z.ZodNumber; economy: z.ZodNumber; politics: z.ZodNumber }>>),
  /** The articles behind the starting values. */
  sources: z.array(Sourced).min(1),
});
export type CountryDef = z.infer<typeof CountryDef>;

/** A choice in a crisis or in debt distress, with its consequences. */
export const ResponseDef = z.object({
  id: z.string(),
  cost: z.number().int().min(0),
  effects: z.array(Effect),
  source: Source,
});
export type ResponseDef = z.infer<typeof ResponseDef>;

export const ArrangementDef = z.object({
  id: z.enum(ARRANGEMENTS),
  /** The power whose home each domain is; acting in the other power's home is an encroachment. */
  home: z.object({ security: z.enum(["russia", "china"]).nullable(), economy: z.enum(["russia", "china"]).nullable(), politics: z.enum(["russia", "china"]).nullable() }),
  source: Source,
});
export type ArrangementDef = z.infer<typeof ArrangementDef>;

/** An argument of the articles that a game can illustrate; the debrief names the ones that played out. */
export const ArgumentDef = z.object({
  id: z.string().min(1),
  mechanic: z.enum(["division", "debt", "csto"]),
  sources: z.array(Source).min(1),
}).strict();
export type ArgumentDef = z.infer<typeof ArgumentDef>;
