import i18next, { type TOptions } from "i18next";
import { en } from "./en.ts";
import { whyText } from "../panels/whyText.ts";
import { SCORE_CATEGORIES, describeEvent, type GameEvent } from "../../shared/engine/index.ts";

/** The interface's languages: English (bundled, the fallback), Russian and Kazakh (Cyrillic), each fetched only when chosen. */
export const LANGUAGES = ["en", "ru", "kk"] as const;
export type Language = (typeof LANGUAGES)[number];
/** A language file: the same tree of keys as en.ts, every leaf a string. */
export interface Strings { [key: string]: string | Strings }
/** Each language's name in that language (what the picker shows). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", ru: "Русский", kk: "Қазақша" };
const LOADERS: Record<Exclude<Language, "en">, () => Promise<Strings>> = {
  ru: () => import("./ru.ts").then((m) => m.ru),
  kk: () => import("./kk.ts").then((m) => m.kk),
};
const STORAGE_KEY = "ngg.lang";

/** The one place interface text comes from. */
const instance = i18next.createInstance();
void instance.init({
  lng: "en",
  fallbackLng: "en",
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  resources: { en: { translation: en } },
  interpolation: { escapeValue: false },
});

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The language a page asks for: `?lang=` in its address, else the one this browser remembers, else English. */
export function chosenLanguage(search: string, stored: string | null): Language {
  const asked = new URLSearchParams(search).get("lang")?.trim().toLowerCase();
  if (isLanguage(asked)) return asked;
  return isLanguage(stored) ? stored : "en";
}

function storedLanguage(): string | null {
  try { return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null; } catch { return null; }
}

/** Loads a language's file (only that one is fetched) and makes it the interface's language. */
export async function useLanguage(lang: Language): Promise<void> {
  if (lang !== "en" && !instance.hasResourceBundle(lang, "translation")) instance.addResourceBundle(lang, "translation", await LOADERS[lang](), true, true);
  await instance.changeLanguage(lang);
  if (typeof document !== "undefined") document.documentElement.lang = lang;
}

/** At boot: the page's language from its address or this browser's memory, remembered for next time. */
export async function setupLanguage(): Promise<Language> {
  const lang = chosenLanguage(globalThis.location?.search ?? "", storedLanguage());
  try { globalThis.localStorage?.setItem(STORAGE_KEY, lang); } catch { /* private mode: chosen for this page only */ }
  await useLanguage(lang);
  return lang;
}

/** The interface's language now. */
export function language(): Language {
  return isLanguage(instance.language) ? instance.language : "en";
}

/** An address with its `?lang=` set: links the teacher hands out carry the teacher's language. */
export function withLanguage(url: string, lang: Language = language()): string {
  const u = new URL(url, globalThis.location?.href ?? "http://localhost/");
  u.searchParams.set("lang", lang);
  return u.toString();
}

/** Chooses another language: remembered, put in the address, and the page reloads in it (a game or class resumes where it was). */
export function switchLanguage(lang: Language): void {
  try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* the address carries it */ }
  const url = new URL(location.href);
  url.searchParams.set("lang", lang);
  location.replace(url.toString());
}

/** A number as the interface's language writes it. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(language(), options).format(value);
}

/** A date and time as the interface's language writes it. */
export function formatDate(value: Date | number, options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" }): string {
  return new Intl.DateTimeFormat(language(), options).format(value);
}

/** Whether the current language (or English, the fallback) has a text for this key. */
export function hasText(key: string): boolean {
  return instance.exists(key);
}

export function t(key: string, options?: TOptions): string {
  return (options ? instance.t(key, options as never) : instance.t(key)) as string;
}

/** A log event as a sentence: a translation by event kind if one exists, otherwise the engine's English. */
export function eventText(event: GameEvent): string {
  if (event.kind === "scored") return scoredText(event);
  if (event.kind === "botReason") return t("why.says", { reason: whyText(event.params) });
  const key = `event.${event.kind}`;
  if (event.kind === "scoreBonus" && instance.exists(key)) {
    return t(key, { ...event.params, seat: seatName(String(event.params.seat)), state: seatName(String(event.params.state ?? "")), category: t(`score.category.${event.params.category}`) });
  }
  return instance.exists(key) ? t(key, event.params) : describeEvent(event);
}

/** A year's score line with its parts by category, so the parts visibly add up to the points. */
function scoredText(event: GameEvent): string {
  const p = event.params;
  const parts = SCORE_CATEGORIES.filter((c) => typeof p[c] === "number" && p[c] !== 0)
    .map((c) => `${t(`score.category.${c}`)} ${Number(p[c]) > 0 ? "+" : "−"}${Math.abs(Number(p[c]))}`);
  return t(parts.length > 0 ? "score.scoredWith" : "score.scored", { seat: seatName(String(p.seat)), count: Number(p.points), total: p.total, parts: parts.join(", ") });
}

export function seatName(seat: string): string {
  return instance.exists(`seat.${seat}`) ? t(`seat.${seat}`) : instance.exists(`region.${seat}`) ? t(`region.${seat}`) : seat;
}
