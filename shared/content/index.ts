import { z } from "zod";
import actionsJson from "./actions.json" with { type: "json" };
import agendasJson from "./agendas.json" with { type: "json" };
import arrangementsJson from "./arrangements.json" with { type: "json" };
import countriesJson from "./countries.json" with { type: "json" };
import responsesJson from "./responses.json" with { type: "json" };
import cardsJson from "./cards.json" with { type: "json" };
import argumentsJson from "./arguments.json" with { type: "json" };
import { ActionDef, AgendaDef, ArgumentDef, ArrangementDef, CardDef, CountryDef, ResponseDef } from "./schema.ts";
import type { Arrangement } from "../engine/types.ts";

/** All game content, validated once at load: a malformed file fails fast with zod's message. */
function load<T extends z.ZodType>(name: string, schema: T, data: unknown): z.infer<T> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new Error(`content/${name} is invalid: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function uniqueIds<T extends { id: string }>(name: string, items: T[]): T[] {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw new Error(`content/${name}: duplicate id ${item.id}`);
    seen.add(item.id);
  }
  return items;
}

export const ACTIONS = uniqueIds("actions.json", load("actions.json", z.array(ActionDef), actionsJson));
export const CARDS = uniqueIds("cards.json", load("cards.json", z.array(CardDef).min(30), cardsJson));
export const AGENDAS = uniqueIds("agendas.json", load("agendas.json", z.array(AgendaDef), agendasJson));
export const COUNTRIES = load("countries.json", z.array(CountryDef).length(5), countriesJson);
export const ARRANGEMENT_DEFS = load("arrangements.json", z.array(ArrangementDef).length(4), arrangementsJson);
export const RESPONSES = load("responses.json", z.object({ crisis: z.array(ResponseDef), leverage: z.array(ResponseDef) }), responsesJson);

export const ARGUMENTS = uniqueIds("arguments.json", load("arguments.json", z.array(ArgumentDef), argumentsJson));

export const ACTION_BY_ID = new Map(ACTIONS.map((a) => [a.id, a]));
export const CARD_BY_ID = new Map(CARDS.map((c) => [c.id, c]));
export const AGENDA_BY_ID = new Map(AGENDAS.map((a) => [a.id, a]));
export const ARRANGEMENT_BY_ID = new Map(ARRANGEMENT_DEFS.map((a) => [a.id, a])) as Map<Arrangement, (typeof ARRANGEMENT_DEFS)[number]>;
export const CRISIS_RESPONSE_BY_ID = new Map(RESPONSES.crisis.map((r) => [r.id, r]));
export const LEVERAGE_BY_ID = new Map(RESPONSES.leverage.map((r) => [r.id, r]));

export * from "./schema.ts";
