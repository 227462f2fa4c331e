import i18next, { type TOptions } from "i18next";
import { en } from "./en.ts";
import { describeEvent, type GameEvent } from "../../shared/engine/index.ts";

/** The one place interface text comes from. */
const instance = i18next.createInstance();
void instance.init({
  lng: "en",
  fallbackLng: "en",
  initAsync: false,
  resources: { en: { translation: en } },
  interpolation: { escapeValue: false },
});

export function t(key: string, options?: TOptions): string {
  return (options ? instance.t(key, options as never) : instance.t(key)) as string;
}

/** A log event as a sentence: a translation by event kind if one exists, otherwise the engine's English. */
export function eventText(event: GameEvent): string {
  const key = `event.${event.kind}`;
  return instance.exists(key) ? t(key, event.params) : describeEvent(event);
}

export function seatName(seat: string): string {
  return instance.exists(`seat.${seat}`) ? t(`seat.${seat}`) : instance.exists(`region.${seat}`) ? t(`region.${seat}`) : seat;
}
