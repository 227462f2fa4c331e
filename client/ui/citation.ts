import { citationOf, type Citation } from "../../shared/content/sources.ts";
import { t } from "../i18n/strings.ts";

/**
 * A source as people cite it — authors, title, publisher, year — from the content's citation data,
 * worded and punctuated by the language file. The file's own name is never shown.
 */
export function citationText(file: string): string {
  return formatCitation(citationOf(file));
}

/** A citation's data in words (the debrief's sources carry the data itself). */
export function formatCitation(c: Citation | null): string {
  if (!c) return t("source.unknown");
  return [c.authors.join(t("source.authorsJoin")), t("source.title", { title: c.title }), c.publisher, String(c.year)]
    .filter((part): part is string => !!part)
    .join(t("source.partsJoin"));
}

/** A short citation for a small card: who wrote it (or who published it) and the year. */
export function shortCitationText(file: string): string {
  const c = citationOf(file);
  if (!c) return t("source.unknown");
  return [c.authors.join(t("source.authorsJoin")) || c.publisher, String(c.year)].filter(Boolean).join(t("source.partsJoin"));
}
