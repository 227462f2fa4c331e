import { ARRANGEMENT_BY_ID } from "../../shared/content/index.ts";
import { POWERS, STATES, isState, totalInfluence, type GameEvent, type GameView, type Seat } from "../../shared/engine/index.ts";
import { h, replace } from "../ui/dom.ts";
import { arrangementName, eventText, signedNumber, t } from "../i18n/strings.ts";
import { TRACK_EVENTS, categoryName, roundScore } from "./scoreText.ts";

const GLOBAL = ["tension", "asymmetry", "westPresence", "afghanThreat"] as const;
const MAX_WHY = 8;

/**
 * Whether an event explains a change for the seat: one that moved a global track (a news card among them), or one about the seat itself
 * (its own orders and offers, and for a state what others did to it, its crises and debt). Score lines are left
 * out: the summary's first lines are made of them.
 */
function whyFor(e: GameEvent, seat: Seat): boolean {
  if (TRACK_EVENTS.has(e.kind)) return true;
  // The year's news cards move tracks too (their effects are not logged one by one), so they are among the causes.
  if (e.kind === "news") return true;
  if (e.kind === "scored" || e.kind === "scoreBonus" || e.kind === "roundStarted") return false;
  const p = e.params;
  if (p.seat === seat || p.from === seat) return true;
  return isState(seat) && (p.state === seat || p.target === seat || p.to === seat);
}
const OWN_TRACKS = ["stability", "prosperity", "sovereignty", "debt"] as const;

/**
 * "What changed for you": when a new round opens, a short card on what the last one did to the player's seat:
 * points by category (from the log's own score lines, so they add up to what the log says), the tracks that moved,
 * and the events that moved them. It compares the view at the start of the last round's orders with the view now.
 */
export class RoundSummary {
  readonly el = h("section", { class: "round-summary", id: "round-summary", hidden: true, "aria-live": "polite", "aria-labelledby": "round-summary-h" });
  private start: GameView | null = null;
  private seenRound = 0;

  render(view: GameView, events: GameEvent[]): void {
    const me = view.seats.find((s) => s.seat === view.viewer);
    if (!me || view.phase !== "orders" || view.round === this.seenRound) return;
    const before = this.start;
    this.start = view;
    this.seenRound = view.round;
    if (before && before.round === view.round - 1) this.show(before, view, events, me.seat);
  }

  private show(before: GameView, now: GameView, events: GameEvent[], seat: Seat): void {
    const round = before.round;
    const score = roundScore(events, seat, round);
    const was = before.seats.find((s) => s.seat === seat)!;
    const is = now.seats.find((s) => s.seat === seat)!;
    const arrow = (a: number | string, b: number | string) => `${a} → ${b}`;
    const tracks: string[] = [];
    for (const k of GLOBAL) if (before.global[k] !== now.global[k]) tracks.push(`${t(`preview.global.${k}`)} ${arrow(before.global[k], now.global[k])}`);
    if (before.global.division !== now.global.division) tracks.push(t("preview.division", { to: arrangementName(now.global.division) }));
    if (was.funds !== is.funds) tracks.push(`${t("summary.funds")} ${arrow(was.funds, is.funds)}`);
    if (isState(seat)) {
      for (const k of OWN_TRACKS) if (before.countries[seat][k] !== now.countries[seat][k]) tracks.push(`${t(`preview.track.${k}`)} ${arrow(before.countries[seat][k], now.countries[seat][k])}`);
    } else if ((POWERS as readonly string[]).includes(seat)) {
      const power = seat as (typeof POWERS)[number];
      const moved = STATES.filter((id) => totalInfluence(before.countries[id], power) !== totalInfluence(now.countries[id], power))
        .map((id) => `${t(`seat.${id}`)} ${arrow(totalInfluence(before.countries[id], power), totalInfluence(now.countries[id], power))}`);
      if (moved.length > 0) tracks.push(t("summary.influence", { list: moved.join(", ") }));
    }
    const all = events.filter((e) => (e.round === round || e.round === now.round) && whyFor(e, seat));
    const why = all.slice(0, MAX_WHY).map(eventText);
    if (all.length > MAX_WHY) why.push(t("summary.more", { count: all.length - MAX_WHY }));
    const close = h("button", { type: "button", class: "small", id: "round-summary-close", onclick: () => { this.el.hidden = true; } }, t("summary.close"));
    replace(this.el,
      h("h2", { id: "round-summary-h" }, t("summary.heading", { round, year: before.global.year })),
      h("p", { class: "summary-score", id: "summary-score", "data-total": String(score.total) },
        t("summary.score", { from: was.score, to: is.score, count: score.total, signed: signedNumber(score.total) })),
      score.parts.length > 0 ? h("ul", { class: "summary-parts", id: "summary-parts" },
        ...score.parts.map((p) => h("li", { "data-points": String(p.points) }, `${categoryName(p.category)} ${signedNumber(p.points)}`))) : null,
      tracks.length > 0 ? h("p", { class: "summary-tracks" }, tracks.join(" · ")) : h("p", { class: "summary-tracks" }, t("summary.noTracks")),
      why.length > 0 ? h("ul", { class: "summary-why" }, ...why.map((w) => h("li", {}, w))) : null,
      close);
    this.el.hidden = false;
  }
}
