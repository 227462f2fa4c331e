import type { GameEvent } from "../../shared/engine/index.ts";
import { h } from "../ui/dom.ts";
import { eventText } from "../i18n/strings.ts";

const SHOWN = 3;

/**
 * Plays new events out as sentences over the map, one at a time, so a round's resolution can be followed;
 * the log panel keeps them all.
 */
export class Feed {
  readonly el = h("div", { class: "feed", "aria-live": "polite", id: "feed" });
  private seen = 0;
  private queue: GameEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  private delayMs: number;

  constructor(delayMs: number) {
    this.delayMs = delayMs;
  }

  /** Takes the full event list; on first call only the last few are shown at once. */
  push(events: GameEvent[]): void {
    if (this.seen === 0 && events.length > SHOWN) this.seen = events.length - SHOWN;
    if (events.length < this.seen) this.seen = 0;
    this.queue.push(...events.slice(this.seen));
    this.seen = events.length;
    this.pump();
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  private pump(): void {
    if (this.timer || this.queue.length === 0) return;
    const event = this.queue.shift()!;
    this.el.appendChild(h("p", {}, eventText(event)));
    while (this.el.children.length > SHOWN) this.el.firstElementChild!.remove();
    // Catch up quickly when many events arrive at once.
    const delay = this.queue.length > 12 ? this.delayMs / 4 : this.delayMs;
    this.timer = setTimeout(() => { this.timer = null; this.pump(); }, delay);
  }
}
