import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { formatCitation, citationText, shortCitationText } from "../../client/ui/citation.ts";
import { CITATIONS } from "../../shared/content/sources.ts";
import { buildDebrief } from "../../shared/debrief/build.ts";
import { debriefJson } from "../../shared/debrief/export.ts";
import { createGame, applyInput, type GameRecord, type GameState, type Input } from "../../shared/engine/index.ts";
import { passInput } from "../../server/room/passInput.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const CONTENT = resolve(ROOT, "shared/content");

/** Every source file any content file names. */
function filesCited(): Set<string> {
  const files = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "file" && typeof x === "string") files.add(x);
        else walk(x);
      }
    }
  };
  for (const name of readdirSync(CONTENT).filter((f) => f.endsWith(".json") && f !== "sources.json")) walk(JSON.parse(readFileSync(resolve(CONTENT, name), "utf8")));
  return files;
}

/** INDEX.md's table: file -> [title cell, published-by cell]. */
function indexRows(): Map<string, [string, string]> {
  const rows = new Map<string, [string, string]>();
  for (const line of readFileSync(resolve(ROOT, "shared/seeds/INDEX.md"), "utf8").split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (/^\d{3}_[0-9a-f]{16}\.txt$/.test(cells[1] ?? "")) rows.set(cells[1]!, [cells[2]!, cells[3]!]);
  }
  return rows;
}

describe("sources are cited as people cite them", () => {
  it("every article the content quotes has a citation, and each citation says what the library's index says", () => {
    const rows = indexRows();
    expect(rows.size).toBe(5);
    for (const file of filesCited()) expect(CITATIONS.has(file), file).toBe(true);
    for (const [file, [titleCell, publishedCell]] of rows) {
      const c = CITATIONS.get(file)!;
      expect(c, file).toBeDefined();
      expect(titleCell.startsWith(c.title), file).toBe(true);
      for (const author of c.authors) expect(titleCell, file).toContain(author);
      expect(publishedCell, file).toContain(String(c.year));
      if (c.publisher) expect(publishedCell, file).toContain(c.publisher);
      else expect(publishedCell, file).toBe(String(c.year));
    }
  });

  it("the interface words a citation as authors, title, publisher and year, never the file's name", () => {
    expect(citationText("003_68169a38181fd9a8.txt")).toBe("Li, “Towards a New Sino-Russian Symbiosis in Central Asia?”, CABAR.asia, 2023");
    expect(citationText("000_7c5fd9c3b2615761.txt")).toBe("Wasserman & Saltskog, “Sino-Russian alignment in reality: The case of Central Asia”, Global Risk Insights / Small Wars Journal, 2019");
    // No author, or no publisher: the part is left out rather than left empty.
    expect(citationText("002_c2c11af6474ae535.txt")).toBe("“Strategic Alert: Sino-Russian relations in Central Asia”, a European policy institute, 2020");
    expect(citationText("004_44f84c857bfe33cf.txt")).toBe("Kosnazarov & Akylbayev, “The Great Bargain between Russia and China for Central Asia”, 2016");
    expect(shortCitationText("002_c2c11af6474ae535.txt")).toBe("a European policy institute, 2020");
    for (const file of CITATIONS.keys()) expect(citationText(file)).not.toMatch(/\.txt|[0-9a-f]{16}/);
    expect(formatCitation(null)).toBe("An article outside the game's library");
  });

  it("the debrief and its JSON export carry each quote's citation, not the file's hash name", () => {
    let state: GameState = createGame({ mode: "powers", length: "short", seats: { russia: "human" } }, 7);
    const inputs: Input[] = [];
    while (state.phase !== "ended" && inputs.length < 500) {
      const seat = state.seatOrder.find((s) => state.phase === "orders" ? !state.seats[s]!.submitted : state.decisions.some((d) => d.seat === s && d.answer === null));
      const input: Input = (seat && passInput(state, seat)) || { type: "close" };
      const result = applyInput(state, input);
      if (!result.ok) throw new Error(`${result.code} ${JSON.stringify(result.params)}`);
      state = result.state;
      inputs.push(input);
    }
    const record: GameRecord = { options: state.options, seed: 7, inputs };
    const debrief = buildDebrief(record);
    const sources = debrief.mechanics.flatMap((m) => m.sources);
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) {
      expect(s.citation?.title).toBeTruthy();
      expect(s.citation?.year).toBeGreaterThan(2000);
    }
    expect(debriefJson(debrief)).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
  });
});
