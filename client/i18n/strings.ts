import i18next, { type TOptions } from "i18next";
import { en } from "./en.ts";
import { whyText } from "../panels/whyText.ts";
import { SCORE_CATEGORIES, type GameEvent } from "../../shared/engine/index.ts";

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

/**
 * Whether this browser formats Kazakh from Kazakh data. Debian's Chromium claims Kazakh but formats it from the
 * root locale: 27.5 for Kazakh's 27,5, and dates as "1970 M01 1".
 */
let kazakhData: boolean | undefined;
const hasKazakhData = (): boolean => (kazakhData ??= new Intl.NumberFormat("kk").format(1.5) === "1,5");
/** Kazakh asked for in a browser without its data. */
const kazakhWithoutData = (): boolean => language() === "kk" && !hasKazakhData();
/** Without Kazakh data, Kazakh numbers and dates are written as in Russian, which shares their digits and marks. */
const locales = (): string[] => (kazakhWithoutData() ? ["ru"] : [language()]);

/** A number as the interface's language writes it. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locales(), options).format(value);
}

/** Scores and changes: a par may be a half point (27.5 in English, 27,5 in Russian and Kazakh), never grouped. */
export const POINTS_FORMAT: Intl.NumberFormatOptions = { maximumFractionDigits: 1, useGrouping: false };

/** A gain or loss with its sign, as the interface shows changes: +3, −2 (a true minus), +0.5 or +0,5 by language. */
export function signedNumber(n: number): string {
  const size = formatNumber(Math.abs(n), POINTS_FORMAT);
  return n > 0 ? `+${size}` : n < 0 ? `−${size}` : size;
}

/** A date and time as the interface's language writes it. */
export function formatDate(value: Date | number, options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" }): string {
  // Without Kazakh data a Russian date would name the month in Russian: digits only then.
  const numeric: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" };
  return new Intl.DateTimeFormat(locales(), kazakhWithoutData() ? numeric : options).format(value);
}

/** Whether the current language (or English, the fallback) has a text for this key. */
export function hasText(key: string): boolean {
  return instance.exists(key);
}

export function t(key: string, options?: TOptions): string {
  return (options ? instance.t(key, options as never) : instance.t(key)) as string;
}

/** A log event as a sentence in the interface's language: the engine and the server emit ids and parameters only. */
export function eventText(event: GameEvent): string {
  if (event.kind === "scored") return scoredText(event);
  if (event.kind === "botReason") return t("why.says", { reason: whyText(event.params) });
  const p = event.params;
  const params: Record<string, unknown> = { ...p };
  // Ids become names: seats and states, and whatever content the event names.
  for (const k of ["seat", "other", "from", "to", "state", "power", "target"] as const) if (typeof p[k] === "string" && p[k]) params[k] = seatName(String(p[k]));
  if (p.action !== undefined) params.action = actionName(String(p.action));
  if (p.card !== undefined) params.card = contentText("card", String(p.card), "title");
  if (p.agenda !== undefined) params.agenda = contentText("agenda", String(p.agenda), "title");
  if (p.arrangement !== undefined) params.arrangement = contentText("arrangement", String(p.arrangement), "name");
  if (p.response !== undefined) params.response = contentText("crisisResponse", String(p.response), "name");
  if (p.crisis !== undefined) params.crisis = t(`event.crisisName.${p.crisis}`);
  if (p.org !== undefined) params.org = t(`org.${p.org}`);
  if (p.domain !== undefined) params.domain = t(`preview.domain.${p.domain}`);
  if (p.category !== undefined) params.category = t(`score.category.${p.category}`);
  if (p.option !== undefined) params.option = event.kind === "leverage" ? contentText("leverage", String(p.option), "name") : optionName(String(p.option));
  if (p.winners !== undefined) {
    const winners = String(p.winners).split(",").filter(Boolean);
    params.winners = listText(winners.map(seatName));
    params.count = winners.length;
  }
  if (p.penalty !== undefined) params.count = Number(p.penalty);
  const key = `event.${event.kind}${EVENT_FORM[event.kind]?.(p) ?? ""}`;
  return instance.exists(key, params) ? t(key, params as TOptions) : t("event.unknown");
}

/** Events worded differently by one of their parameters: the sub-key under the kind. */
const EVENT_FORM: Record<string, (p: GameEvent["params"]) => string> = {
  unrest: (p) => `.${p.cause === "sinophobia" || p.cause === "poverty" ? p.cause : "politics"}`,
  offerMade: (p) => (p.option ? ".option" : ".plain"),
  offerAnswered: (p) => (p.answer === "accept" ? ".accept" : ".decline"),
  actionResolved: (p) => (p.target ? ".target" : ".plain"),
  actionUnaffordable: (p) => (p.target ? ".target" : ".plain"),
  crisisRequest: (p) => (p.to ? ".to" : ".none"),
  gameEnded: (p) => (p.reason === "rupture" ? ".rupture" : ".rounds"),
  botTookOver: (p) => (p.by === "timer" ? ".timer" : p.by === "bot" ? ".bot" : ".away"),
};

/** A list of names as the language joins them ("Russia and China", «Россия и Китай»). */
export function listText(items: string[]): string {
  return new Intl.ListFormat(language(), { style: "long", type: "conjunction" }).format(items);
}

export type ContentKind = "action" | "card" | "agenda" | "arrangement" | "crisisResponse" | "leverage" | "argument";
/** A content entry's display text by id (shared/content keeps the data; the words are in the language files under "content"). */
export function contentText(kind: ContentKind, id: string, field: string): string {
  const key = `content.${kind}.${id}.${field}`;
  return instance.exists(key) ? t(key) : id;
}
export const actionName = (id: string): string => contentText("action", id, "name");
export const actionSummary = (id: string): string => contentText("action", id, "summary");
export const cardTitle = (id: string): string => contentText("card", id, "title");
export const cardText = (id: string): string => contentText("card", id, "text");
export const agendaTitle = (id: string): string => contentText("agenda", id, "title");
export const agendaDescription = (id: string): string => contentText("agenda", id, "description");
export const arrangementName = (id: string): string => contentText("arrangement", id, "name");
export const arrangementSummary = (id: string): string => contentText("arrangement", id, "summary");

/** A refused request in words: the engine, the server and the connections send a code and parameters only. */
export function refusalText(reply: { code: string; params?: Record<string, string | number> }): string {
  const p = reply.params ?? {};
  const params: Record<string, unknown> = { ...p };
  for (const k of ["seat", "target", "state"] as const) if (typeof p[k] === "string" && p[k]) params[k] = seatName(String(p[k]));
  if (p.action !== undefined) params.action = actionName(String(p.action));
  if (p.phase !== undefined) params.phase = t(`phase.${p.phase}`);
  if (p.max !== undefined) params.count = Number(p.max);
  const code = reply.code === "over-budget" ? `over-budget-${p.resource === "ap" ? "ap" : "funds"}` : reply.code;
  const key = `refusal.${code}`;
  return instance.exists(key, params) ? t(key, params as TOptions) : t("refusal.other");
}

/**
 * An error in words: a refusal's code (a class request's, a join's "code {params}", a connection's) is worded by
 * refusalText; any other error's text is already the interface's (thrown with t()) or the browser's own.
 */
export function errorText(error: unknown): string {
  const code = typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string" ? (error as { code: string }).code : null;
  const message = error instanceof Error ? error.message : String(error);
  const m = /^([a-z][a-z-]*)(?: (\{.*\}))?$/.exec(message) ?? (code ? /^([a-z][a-z-]*)$/.exec(code) : null);
  if (!m) return message;
  let params: Record<string, string | number> = {};
  try { params = m[2] ? (JSON.parse(m[2]) as Record<string, string | number>) : {}; } catch { /* no parameters */ }
  return refusalText({ code: m[1]!, params });
}

/** An order's choice by what it is: a division of labour, an organisation or a seat (a lender). */
export function optionName(option: string): string {
  if (instance.exists(`content.arrangement.${option}.name`)) return arrangementName(option);
  if (instance.exists(`org.${option}`)) return t(`org.${option}`);
  return seatName(option);
}

/** A year's score line with its parts by category, so the parts visibly add up to the points. */
function scoredText(event: GameEvent): string {
  const p = event.params;
  const parts = SCORE_CATEGORIES.filter((c) => typeof p[c] === "number" && p[c] !== 0)
    .map((c) => `${t(`score.category.${c}`)} ${signedNumber(Number(p[c]))}`);
  return t(parts.length > 0 ? "score.scoredWith" : "score.scored", { seat: seatName(String(p.seat)), count: Number(p.points), total: p.total, parts: parts.join(", ") });
}

export function seatName(seat: string): string {
  return instance.exists(`seat.${seat}`) ? t(`seat.${seat}`) : instance.exists(`region.${seat}`) ? t(`region.${seat}`) : seat;
}
