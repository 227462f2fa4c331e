import { describe, expect, it } from "vitest";
import { en } from "../../client/i18n/en.ts";
import { ru } from "../../client/i18n/ru.ts";
import { kk } from "../../client/i18n/kk.ts";
import type { Strings } from "../../client/i18n/strings.ts";

/** Every language file against English: the same keys, the same interpolation parameters, and the plural forms each language needs. */

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Strings, prefix = "", out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}

/** The parameters a text interpolates ({{name}}, {{name, format}}) and the keys it nests ($t(key…)). */
function params(text: string): string[] {
  const names = [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => `{{${m[1]}}}`);
  const nested = [...text.matchAll(/\$t\(([\w.{}-]+)/g)].map((m) => `$t(${m[1]})`);
  return [...new Set([...names, ...nested])].sort();
}

/** Keys grouped by their base (plural suffix removed): the variants present and the union of their parameters. */
function groups(flat: Map<string, string>): Map<string, { forms: Set<string>; params: string[] }> {
  const out = new Map<string, { forms: Set<string>; params: Set<string> }>();
  for (const [key, text] of flat) {
    const m = PLURAL.exec(key);
    const base = m ? key.slice(0, m.index) : key;
    const g = out.get(base) ?? { forms: new Set<string>(), params: new Set<string>() };
    g.forms.add(m ? m[1]! : "");
    for (const p of params(text)) g.params.add(p);
    out.set(base, g);
  }
  return new Map([...out].map(([k, g]) => [k, { forms: g.forms, params: [...g.params].sort() }]));
}

const english = groups(flatten(en as unknown as Strings));
const LANGS: [string, Strings][] = [["ru", ru], ["kk", kk]];

describe("language files", () => {
  it("the parser sees parameters, nesting and plural groups", () => {
    expect(params("{{seat}} scores {{count, number}} ($t(seat.{{seat}}))")).toEqual(["$t(seat.{{seat}})", "{{count}}", "{{seat}}"]);
    const g = groups(new Map([["a.b_one", "{{count}} x"], ["a.b_other", "{{count}} xs"], ["c", "y"]]));
    expect([...g.get("a.b")!.forms].sort()).toEqual(["one", "other"]);
    expect(g.get("c")!.forms.has("")).toBe(true);
  });

  it("English has its own plural forms wherever it pluralises", () => {
    for (const [key, g] of english) if (!g.forms.has("")) expect([...g.forms].filter((f) => f !== "zero").sort(), key).toEqual(["one", "other"]);
  });

  for (const [lang, tree] of LANGS) {
    describe(lang, () => {
      const theirs = groups(flatten(tree));
      const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;

      it("has every key of English and no other", () => {
        expect([...english.keys()].filter((k) => !theirs.has(k)), `missing in ${lang}`).toEqual([]);
        expect([...theirs.keys()].filter((k) => !english.has(k)), `unknown in ${lang}`).toEqual([]);
      });

      it("interpolates the same parameters as English", () => {
        const differ = [...english].filter(([k, g]) => theirs.has(k) && theirs.get(k)!.params.join() !== g.params.join())
          .map(([k, g]) => `${k}: en ${g.params.join(" ")} / ${lang} ${theirs.get(k)!.params.join(" ")}`);
        expect(differ).toEqual([]);
      });

      it(`has the plural forms ${lang} needs (${needed.join(", ")}) wherever English pluralises`, () => {
        expect(needed.length).toBeGreaterThan(1);
        const wrong: string[] = [];
        for (const [key, g] of english) {
          const t = theirs.get(key);
          if (!t) continue;
          if (g.forms.has("")) { if (!t.forms.has("")) wrong.push(`${key}: plural forms where English has one text`); continue; }
          const missing = needed.filter((f) => !t.forms.has(f));
          if (missing.length > 0) wrong.push(`${key}: no ${missing.join(", ")}`);
          if (g.forms.has("zero") && !t.forms.has("zero")) wrong.push(`${key}: no zero (English has one)`);
          const extra = [...t.forms].filter((f) => f !== "zero" && !needed.includes(f as Intl.LDMLPluralRule));
          if (extra.length > 0) wrong.push(`${key}: forms ${lang} never uses: ${extra.join(", ")}`);
        }
        expect(wrong).toEqual([]);
      });

      it("has no text left empty or in English", () => {
        const flat = flatten(tree);
        const enFlat = flatten(en as unknown as Strings);
        // Texts that are the same in every language: symbols, joins and names written the same way.
        const same = (k: string, v: string) => !/[A-Za-z]{3,}/.test(v.replace(/\{\{[^}]*\}\}|\$t\([^)]*\)/g, ""));
        const bad = [...flat].filter(([k, v]) => v.trim() === "" && enFlat.get(k)?.trim() !== "" || (v === enFlat.get(k) && !same(k, v))).map(([k]) => k);
        expect(bad).toEqual([]);
      });
    });
  }
});
