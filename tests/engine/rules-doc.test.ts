import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * docs/RULES.md and docs/BALANCE.md cite the articles as (000)..(004) after a quotation. Every quotation followed by such a
 * citation must occur in that article (whitespace and typographic quotes aside; "..." marks a cut).
 */
const seeds = fileURLToPath(new URL("../../shared/seeds/", import.meta.url));
const doc = (name: string) => readFileSync(fileURLToPath(new URL(`../../docs/${name}`, import.meta.url)), "utf8");
const normalise = (text: string) => text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, " ");
const articles = new Map(readdirSync(seeds).filter((f) => /^\d{3}_.*\.txt$/.test(f)).map((f) => [f.slice(0, 3), normalise(readFileSync(seeds + f, "utf8"))]));

const cited = (text: string) => [...text.matchAll(/"([^"\n]{4,}?)"[^"\n(]{0,12}?\((\d{3})\)/g)].map((m) => ({ quote: m[1]!, file: m[2]! }));
const citations = cited(doc("RULES.md"));

function expectQuoted(file: string, quote: string): void {
  const text = articles.get(file);
  expect(text, `no article ${file}`).toBeDefined();
  for (const part of normalise(quote).split("...").map((p) => p.trim()).filter(Boolean)) expect(text!.includes(part), `"${part}" not in ${file}`).toBe(true);
}
const balanceCitations = cited(doc("BALANCE.md"));

describe("the rules document", () => {
  it("cites the articles often", () => {
    expect(citations.length).toBeGreaterThanOrEqual(15);
  });

  it.each(citations.map((c) => [c.file, c.quote] as const))("(%s) \"%s\" is the article's own words", (file, quote) => {
    expectQuoted(file, quote);
  });
});

describe("the balance document", () => {
  it.each(balanceCitations.map((c) => [c.file, c.quote] as const))("(%s) \"%s\" is the article's own words", (file, quote) => {
    expectQuoted(file, quote);
  });
});
