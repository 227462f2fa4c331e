import { ARRANGEMENT_BY_ID } from "../../shared/content/index.ts";
import { RULES, type Change, type EffectPreview, type Outcome, type Risk, type Seat, type StateId } from "../../shared/engine/index.ts";
import { arrangementName, signedNumber, t } from "../i18n/strings.ts";

/**
 * An effect preview (from the engine's previewInput) as short lines a player reads at a glance. Pure: ids and
 * numbers in, sentences out, so it is tested without a page. Nothing here decides what happens: the engine did.
 */
export type Tone = "plain" | "good" | "warn" | "head";
export interface PreviewLine { text: string; tone: Tone }

const seat = (s: string) => t(`seat.${s}`);
const arrow = (from: number | string, to: number | string) => `${from} → ${to}`;

/** A state's changes on one line: "Kazakhstan: stability 6 → 7 · Russia's security 3 → 4 · joins the CSTO". */
function stateLine(state: StateId, changes: Change[]): string {
  const parts = changes.map((c): string => {
    switch (c.kind) {
      case "track": return c.track === "debt" ? t("preview.debt", { from: c.from, to: c.to }) : `${t(`preview.track.${c.track}`)} ${arrow(c.from, c.to)}`;
      case "influence": return t("preview.influence", { power: seat(c.power), domain: t(`preview.domain.${c.domain}`), change: arrow(c.from, c.to) });
      case "opinion": return t("preview.opinion", { of: seat(c.of), change: arrow(c.from, c.to) });
      case "asset": return `${t(`asset.${c.asset}`)} ${arrow(c.from, c.to)}`;
      case "member": return t(c.to ? "preview.joins" : "preview.leaves", { org: t(`org.${c.org}`) });
      case "crisis": return c.to ? t("preview.crisis", { crisis: t(`crisis.${c.to}`) }) : t("preview.crisisEnds");
      case "distress": return c.to ? t("preview.distress") : t("preview.distressEnds");
      default: return "";
    }
  }).filter(Boolean);
  return `${seat(state)}: ${parts.join(" · ")}`;
}

function seatLine(who: Seat, changes: Change[], viewer: Seat | null): string {
  const parts = changes.map((c): string => {
    switch (c.kind) {
      case "funds": return `${t("preview.funds")} ${arrow(c.from, c.to)}`;
      case "income": return `${t("preview.income")} ${arrow(c.from, c.to)}`;
      case "score": return t("preview.score", { count: c.to - c.from, signed: signedNumber(c.to - c.from) });
      case "roundPoints": return t("preview.roundPoints", { change: arrow(c.from, c.to) });
      default: return "";
    }
  }).filter(Boolean);
  return `${who === viewer ? t("preview.you") : seat(who)}: ${parts.join(" · ")}`;
}

function riskLine(r: Risk): PreviewLine | null {
  switch (r.kind) {
    case "crisis":
      return r.to
        ? { text: t("preview.risk.crisis", { state: seat(r.state), stability: r.stability }), tone: "warn" }
        : { text: t("preview.risk.noCrisis", { state: seat(r.state) }), tone: "good" };
    case "distress":
      if (r.to === "none") return { text: t("preview.risk.noDistress", { state: seat(r.state) }), tone: "good" };
      return {
        text: t(r.to === "sure" ? "preview.risk.distressSure" : "preview.risk.distressIfUnpaid", {
          state: seat(r.state), debt: r.to === "sure" ? r.debtIfPaid : r.debtIfUnpaid, capacity: r.capacity, due: r.due,
        }),
        tone: "warn",
      };
    case "unrest":
    case "spillover":
      return { text: t(`preview.risk.${r.kind}`, { state: seat(r.state), from: percent(r.from), to: percent(r.to) }), tone: r.to > r.from ? "warn" : "good" };
  }
}

const percent = (p: number) => `${Math.round(p * 100)}%`;

/** The lines of one outcome: encroachments and a rupture first (they are what a player must not miss), then changes, then risks. */
export function outcomeLines(o: Outcome, viewer: Seat | null): PreviewLine[] {
  const lines: PreviewLine[] = [];
  if (o.lapses) lines.push({ text: t("preview.lapses"), tone: "warn" });
  for (const e of o.encroachments) {
    lines.push({
      text: t(e.juniorPartner > 0 ? "preview.encroachJunior" : "preview.encroach", {
        seat: seat(e.seat), other: seat(e.other), domain: t(`preview.domain.${e.domain}`), from: e.tensionAfter - e.tension, to: e.tensionAfter,
      }),
      tone: "warn",
    });
  }
  if (o.rupture) lines.push({ text: t("preview.rupture", { line: RULES.ruptureAt }), tone: "warn" });
  const byState = new Map<StateId, Change[]>();
  const bySeat = new Map<Seat, Change[]>();
  for (const c of o.changes) {
    if ("state" in c) byState.set(c.state, [...(byState.get(c.state) ?? []), c]);
    else if (c.kind === "funds" || c.kind === "income" || c.kind === "score" || c.kind === "roundPoints") {
      // Other seats' points for the year move with every shift of influence; only the player's own and bonuses are news.
      if (c.kind === "roundPoints" && c.seat !== viewer) continue;
      bySeat.set(c.seat, [...(bySeat.get(c.seat) ?? []), c]);
    }
  }
  if (viewer && bySeat.has(viewer)) lines.push({ text: seatLine(viewer, bySeat.get(viewer)!, viewer), tone: "plain" });
  for (const [who, list] of bySeat) if (who !== viewer) lines.push({ text: seatLine(who, list, viewer), tone: "plain" });
  for (const [state, list] of byState) lines.push({ text: stateLine(state, list), tone: "plain" });
  for (const c of o.changes) {
    // Tension is shown with its encroachment above; other global tracks and the division of labour get a line each.
    if (c.kind === "global" && !(c.track === "tension" && o.encroachments.length > 0)) {
      lines.push({ text: `${t(`preview.global.${c.track}`)} ${arrow(c.from, c.to)}`, tone: c.track === "tension" && c.to > c.from ? "warn" : "plain" });
    } else if (c.kind === "division") {
      lines.push({ text: t("preview.division", { to: arrangementName(c.to) }), tone: "plain" });
    } else if (c.kind === "agenda") {
      lines.push({ text: t(c.to ? "preview.agendaMet" : "preview.agendaLost"), tone: c.to ? "good" : "warn" });
    }
  }
  for (const r of o.risks) {
    const line = riskLine(r);
    if (line) lines.push(line);
  }
  if (lines.length === 0) lines.push({ text: t("preview.nothing"), tone: "plain" });
  for (const next of o.then) {
    lines.push({ text: t("preview.then", { seat: next.decidedBy ? seat(next.decidedBy) : "", answer: t(`inbox.answers.${next.when}`, { defaultValue: next.when }) }), tone: "head" });
    lines.push(...outcomeLines(next, viewer).filter((l) => l.tone !== "head"));
  }
  return lines;
}

/** Every outcome of a preview: a lone outcome as its lines; an offer as "If accepted" and "If declined", the default marked. */
export function previewLines(p: EffectPreview, viewer: Seat | null): PreviewLine[] {
  if (p.refused) return [{ text: t(`preview.refused.${p.refused}`, { defaultValue: t("preview.refused.other") }), tone: "warn" }];
  if (p.outcomes.length === 1) return outcomeLines(p.outcomes[0]!, viewer);
  return p.outcomes.flatMap((o) => [
    { text: t(`preview.if.${o.when}`, { defaultValue: o.when, seat: o.decidedBy ? seat(o.decidedBy) : "" }) + (o.isDefault ? ` ${t("preview.default")}` : ""), tone: "head" as Tone },
    ...outcomeLines(o, viewer),
  ]);
}

/** Whether any outcome of the preview counts an encroachment or ruptures the partnership (for a warning mark). */
export function alarming(p: EffectPreview): boolean {
  const walk = (o: Outcome): boolean => o.encroachments.length > 0 || o.rupture || o.then.some(walk);
  return p.outcomes.some(walk);
}

/**
 * The most tension one order can add, over the ways it can turn out (an offer counts if accepted): what the
 * engine's preview counts, for a "+k tension" mark on the order before it is added.
 */
export function addedTension(p: EffectPreview): number {
  const walk = (o: Outcome): number => o.encroachments.reduce((n, e) => n + e.tension, 0) + Math.max(0, ...o.then.map(walk));
  return Math.max(0, ...p.outcomes.map(walk));
}

/** The lines as a compact list; warnings (encroachment, rupture, distress) stand out by their class. */
export function previewList(lines: PreviewLine[], id?: string): HTMLElement {
  const list = document.createElement("ul");
  list.className = "preview";
  if (id) list.id = id;
  for (const line of lines) {
    const li = document.createElement("li");
    li.className = line.tone;
    li.textContent = line.text;
    list.appendChild(li);
  }
  return list;
}
