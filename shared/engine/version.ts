import { ACTIONS, AGENDAS, ARRANGEMENT_DEFS, CARDS, COUNTRIES, RESPONSES } from "../content/index.ts";
import { digestData } from "./digest.ts";
import * as rules from "./rules.ts";

/**
 * The rules version a game is recorded under: a digest of the data the engine plays by (every constant of
 * rules.ts and the content it reads), computed when the engine loads. It is never written by hand, so it cannot
 * be forgotten; it is the same in the server, in the browser and in a minified build, because it reads the very
 * objects the engine uses rather than source text. A change to the engine's code is not in it: that is what
 * each step's digest catches (see replaySteps), and a change that does not alter a given game orphans nothing.
 */
export const RULES_VERSION: string = digestData({
  rules: Object.fromEntries(Object.entries(rules).sort(([a], [b]) => a.localeCompare(b))),
  content: { actions: ACTIONS, cards: CARDS, agendas: AGENDAS, countries: COUNTRIES, arrangements: ARRANGEMENT_DEFS, responses: RESPONSES },
});
