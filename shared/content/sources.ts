import { z } from "zod";
import sourcesJson from "./sources.json" with { type: "json" };

/*
 * How each source article is cited — authors, title, publisher, year, as ../seeds/INDEX.md lists them —
 * keyed by its file. Content names a source by file (with a verbatim quote); people read the citation.
 * Data only: how a citation is worded and punctuated is the interface's (client language files).
 */

export const Citation = z.object({
  /** Surnames, as the article gives them; empty when it names no author (an institute's paper). */
  authors: z.array(z.string().min(1)),
  title: z.string().min(1),
  /** Null when the index names none. */
  publisher: z.string().min(1).nullable(),
  year: z.number().int().min(1990).max(2100),
}).strict();
export type Citation = z.infer<typeof Citation>;

const parsed = z.record(z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/), Citation).safeParse(sourcesJson);
if (!parsed.success) throw new Error(`content/sources.json is invalid: ${z.prettifyError(parsed.error)}`);

export const CITATIONS: ReadonlyMap<string, Citation> = new Map(Object.entries(parsed.data));

/** The citation of a source file; null for a file the library does not hold. */
export function citationOf(file: string): Citation | null {
  return CITATIONS.get(file) ?? null;
}
