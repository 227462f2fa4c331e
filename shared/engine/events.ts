import { ACTION_BY_ID, AGENDA_BY_ID, ARRANGEMENT_BY_ID, CARD_BY_ID, CRISIS_RESPONSE_BY_ID, LEVERAGE_BY_ID } from "../content/index.ts";
import { REGION_NAMES, SEAT_NAMES, type Seat } from "./ids.ts";
import type { Arrangement, GameEvent, GameState } from "./types.ts";

type Params = GameEvent["params"];

export function emit(state: GameState, kind: string, params: Params, visibleTo: GameEvent["visibleTo"] = "all"): GameEvent {
  const event: GameEvent = { kind, round: state.round, visibleTo, params };
  state.log.push(event);
  return event;
}

export function canSee(event: GameEvent, viewer: Seat | "spectator" | "teacher"): boolean {
  if (event.visibleTo === "all" || viewer === "teacher") return true;
  return viewer !== "spectator" && event.visibleTo.includes(viewer);
}

const name = (id: unknown): string => SEAT_NAMES[id as Seat] ?? REGION_NAMES[id as keyof typeof REGION_NAMES] ?? String(id);
const action = (id: unknown): string => ACTION_BY_ID.get(String(id))?.name ?? String(id);
const arrangement = (id: unknown): string => ARRANGEMENT_BY_ID.get(id as Arrangement)?.name ?? String(id);
const crisisNames: Record<string, string> = { unrest: "unrest", terrorism: "a wave of terrorism", borderClash: "a border clash", spillover: "spillover from Afghanistan" };
const target = (p: Params): string => (p.target ? ` in ${name(p.target)}` : "");

/** Plain English sentences for the log; the client may translate by `kind` with the same params. */
const SENTENCES: Record<string, (p: Params) => string> = {
  roundStarted: (p) => `Round ${p.round} begins: the year is ${p.year}.`,
  news: (p) => `News: ${CARD_BY_ID.get(String(p.card))?.title ?? p.card}.`,
  unrest: (p) => `${p.cause === "sinophobia" ? "Anti-Chinese protests shake" : p.cause === "poverty" ? "Hardship and protests shake" : "Political unrest shakes"} ${name(p.state)}.`,
  afghanSpillover: (p) => `Instability spills over from Afghanistan into ${name(p.state)}.`,
  offerMade: (p) => `${name(p.from)} offers ${name(p.to)}: ${action(p.action)}${p.option ? ` (${arrangement(p.option)})` : ""}.`,
  offerAnswered: (p) => `${name(p.to)} ${p.answer === "accept" ? "accepts" : "declines"} ${name(p.from)}'s offer: ${action(p.action)}.`,
  actionResolved: (p) => `${name(p.seat)}: ${action(p.action)}${target(p)}.`,
  actionUnaffordable: (p) => `${name(p.seat)} cannot pay for ${action(p.action)}${target(p)} and it lapses.`,
  encroachment: (p) => `${name(p.seat)} acts in ${name(p.other)}'s ${p.domain} domain: Sino-Russian tension rises to ${p.tension}.`,
  bargain: (p) => `${name(p.from)} and ${name(p.to)} agree a Great Bargain: ${arrangement(p.arrangement)}.`,
  leftOrg: (p) => `${name(p.state)} leaves the ${String(p.org).toUpperCase()}.`,
  crisisStarted: (p) => `${name(p.state)} falls into crisis: ${crisisNames[String(p.crisis)] ?? p.crisis}.`,
  crisisEnded: (p) => `The crisis in ${name(p.state)} is over.`,
  crisisRequest: (p) => (p.to ? `${name(p.state)} asks ${name(p.to)} for help.` : `${name(p.state)} asks no one for help.`),
  intervention: (p) => `${name(p.power)} answers ${name(p.state)}'s call: ${CRISIS_RESPONSE_BY_ID.get(String(p.response))?.name ?? p.response}.`,
  interventionDeclined: (p) => `${name(p.power)} declines to help ${name(p.state)}.`,
  escalation: (p) => `The crisis in ${name(p.state)} deepens (stability ${p.stability}).`,
  debtService: (p) => `${name(p.state)} pays ${p.paid} of ${p.due} due on its Chinese debt (debt now ${p.debt}).`,
  distress: (p) => `${name(p.state)} falls into debt distress: it owes ${p.debt} against a capacity of ${p.capacity}.`,
  distressEnded: (p) => `${name(p.state)} is out of debt distress.`,
  leverage: (p) => `China uses its leverage over ${name(p.state)}: ${LEVERAGE_BY_ID.get(String(p.option))?.name ?? p.option}.`,
  scored: (p) => `${name(p.seat)} scores ${p.points} this year (total ${p.total}).`,
  agendaMet: (p) => `${name(p.seat)} fulfilled its secret agenda "${AGENDA_BY_ID.get(String(p.agenda))?.title ?? p.agenda}" (+${p.points}).`,
  agendaMissed: (p) => `${name(p.seat)} missed its secret agenda "${AGENDA_BY_ID.get(String(p.agenda))?.title ?? p.agenda}".`,
  asymmetryGrows: (p) => `China's economy keeps outgrowing Russia's: asymmetry rises to ${p.asymmetry}.`,
  commonFoe: (p) => `The Western presence draws Moscow and Beijing together: tension eases to ${p.tension}.`,
  rupture: (p) => `The Sino-Russian partnership ruptures. Russia and China each lose ${p.penalty} points.`,
  gameEnded: (p) => `The game ends (${p.reason === "rupture" ? "rupture" : "last round played"}). Winner: ${String(p.winners).split(",").map(name).join(" and ")}.`,
};

export function describeEvent(event: GameEvent): string {
  const render = SENTENCES[event.kind];
  return render ? render(event.params) : `${event.kind} ${JSON.stringify(event.params)}`;
}

export const EVENT_KINDS = Object.keys(SENTENCES);
