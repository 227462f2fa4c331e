import { AGENDA_BY_ID } from "../content/index.ts";
import { STATES, type GameView, type Seat } from "../engine/index.ts";
import { agendaChoices } from "./determinise.ts";

/*
 * Reading a power's secret agenda from the board. Some agendas can only be met by building what the board shows to
 * everyone: Chinese digital infrastructure (Digital Silk Road), gas pipelines to China (Energy security). A power
 * that holds such an agenda builds those assets year by year, one that does not rarely does. The hard bot draws its
 * rival's agenda by these odds instead of evenly, so its guesses at the rival's plans, and at the agenda bonus the
 * rival will score at the end, follow what the rival has built.
 */

/**
 * What the board counts of an agenda's work, how many of it the game starts with, and how many a year are built by a
 * power holding the agenda and by one that does not. The rates are those of normal bots in 200 Great Powers games
 * (seeds 6000–6199): after one year a holder had digital infrastructure in 2.0 states, a non-holder in 0.02 (0.08
 * after two); new pipelines 0.6 against 0.06.
 */
interface Sign { count: (view: GameView) => number; atStart: number; perYear: { holder: number; other: number } }

const SIGNS: Record<string, Sign> = {
  digitalSilkRoad: { count: (v) => STATES.filter((s) => v.countries[s].assets.digital > 0).length, atStart: 0, perYear: { holder: 2, other: 0.04 } },
  energySecurity: { count: (v) => STATES.reduce((n, s) => n + v.countries[s].assets.pipelines, 0), atStart: 3, perYear: { holder: 0.6, other: 0.06 } },
};

/**
 * How much more likely the board is if the seat holds the agenda with this check than if it does not: the Poisson
 * odds of the count built so far under the two rates. The years counted stop at two, about when a holder has built
 * what the agenda needs (three digital states at 2 a year, one new pipeline at 0.6) and stops building, so a met
 * agenda is not held against its own slowing down.
 */
function odds(check: string, view: GameView): number {
  const sign = SIGNS[check];
  if (!sign) return 1;
  const built = Math.max(0, sign.count(view) - sign.atStart);
  const years = Math.min(view.round - 1, 2);
  const { holder, other } = sign.perYear;
  return Math.exp(built * Math.log(holder / other) - (holder - other) * years);
}

/** The seat's possible agendas with their weights: 1 for an agenda the board says nothing of. */
export function agendaWeights(view: GameView, seat: Seat): { agenda: string; weight: number }[] {
  return agendaChoices(seat).map((agenda) => ({ agenda, weight: odds(AGENDA_BY_ID.get(agenda)?.check ?? "", view) }));
}
