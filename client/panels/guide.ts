import { RULES } from "../../shared/engine/index.ts";
import { h, replace } from "../ui/dom.ts";
import { t } from "../i18n/strings.ts";

export const GUIDE_KEY = "ngg.guide.v1";

/** One stop of the walkthrough: what to say, which element of the real game screen it is about, and which tab to show. */
export interface GuideStep {
  id: string;
  /** A selector on the game screen; the element is outlined while the step shows. */
  target: string;
  tab?: "orders" | "inbox" | "log" | "seats" | "map";
}

export const GUIDE_STEPS: GuideStep[] = [
  { id: "board", target: "#board-area", tab: "map" },
  { id: "tracks", target: ".topbar .tracks" },
  { id: "goals", target: "#goals" },
  { id: "orders", target: "#panel-orders", tab: "orders" },
  { id: "preview", target: "#action-list .preview", tab: "orders" },
  { id: "offers", target: "#tab-inbox", tab: "orders" },
  { id: "sources", target: ".news-card button.link" },
  { id: "submit", target: "#submit-orders", tab: "orders" },
];

type Store = Pick<Storage, "getItem" | "setItem">;

/** Whether the walkthrough should be offered: never finished or skipped in this browser. */
export function guideWanted(storage: Store | null): boolean {
  try {
    return !!storage && storage.getItem(GUIDE_KEY) === null;
  } catch {
    return false;
  }
}

/**
 * A short, skippable walkthrough of round one over the real game screen: a card at the foot of the map that
 * outlines one part of the screen at a time. It never blocks the game: the player may order while reading.
 * Finishing or skipping it is remembered, so it is offered once.
 */
export class Guide {
  readonly el = h("section", { class: "guide", id: "guide", role: "region", "aria-live": "polite", "aria-label": t("guide.label") });
  private step = -1;
  private outlined: Element | null = null;

  private storage: Store | null;
  private showTab: (tab: NonNullable<GuideStep["tab"]>) => void;

  constructor(storage: Store | null, showTab: (tab: NonNullable<GuideStep["tab"]>) => void) {
    this.storage = storage;
    this.showTab = showTab;
    this.offer();
  }

  private offer(): void {
    replace(this.el,
      h("h2", {}, t("guide.offerHeading")),
      h("p", {}, t("guide.offerText")),
      h("div", { class: "actions" },
        h("button", { type: "button", class: "primary", id: "guide-start", onclick: () => this.go(0) }, t("guide.start")),
        h("button", { type: "button", id: "guide-skip", onclick: () => this.finish() }, t("guide.skip"))));
  }

  private go(i: number): void {
    this.step = i;
    const step = GUIDE_STEPS[i]!;
    if (step.tab) this.showTab(step.tab);
    this.outline(document.querySelector(step.target));
    const last = i === GUIDE_STEPS.length - 1;
    replace(this.el,
      h("p", { class: "guide-count" }, t("guide.count", { step: i + 1, total: GUIDE_STEPS.length })),
      h("h2", {}, t(`guide.steps.${step.id}.heading`)),
      // The rupture line from the rules, not written into the words.
      h("p", {}, t(`guide.steps.${step.id}.text`, { line: RULES.ruptureAt })),
      h("div", { class: "actions" },
        i > 0 ? h("button", { type: "button", id: "guide-back", onclick: () => this.go(i - 1) }, t("guide.back")) : null,
        h("button", { type: "button", class: "primary", id: "guide-next", onclick: () => (last ? this.finish() : this.go(i + 1)) }, last ? t("guide.done") : t("guide.next")),
        last ? null : h("button", { type: "button", id: "guide-skip", onclick: () => this.finish() }, t("guide.skip"))));
    (this.el.querySelector("#guide-next") as HTMLElement | null)?.focus();
  }

  private outline(el: Element | null): void {
    this.outlined?.classList.remove("guide-target");
    this.outlined = el;
    el?.classList.add("guide-target");
    el?.scrollIntoView({ block: "nearest" });
  }

  /** Done or skipped: remembered, and the card goes. */
  finish(): void {
    try {
      this.storage?.setItem(GUIDE_KEY, this.step >= GUIDE_STEPS.length - 1 ? "done" : "skipped");
    } catch {
      // Without storage the guide is simply offered again next time.
    }
    this.destroy();
  }

  destroy(): void {
    this.outline(null);
    this.el.remove();
  }
}
