import { describe, expect, it } from "vitest";
import { readDoc } from "../../client/net/remoteView.ts";
import { createGame } from "../../shared/engine/index.ts";
import { Doc } from "../../shared/protocol/state.ts";
import { syncDoc } from "../../server/room/project.ts";

describe("flat documents", () => {
  it("carry a country's state there and back, including changes, removed values and changed types", () => {
    const game = createGame({ length: "short" }, 5);
    const doc = new Doc();
    const country = structuredClone(game.countries.tajikistan);
    syncDoc(doc, country);
    expect(readDoc(doc)).toEqual({ ...country, crisis: undefined });
    const changed = { ...country, stability: country.stability - 2, crisis: "unrest" as const, influence: { ...country.influence, china: { ...country.influence.china, economy: 9 } } };
    syncDoc(doc, changed);
    expect(readDoc(doc)).toEqual(changed);
    syncDoc(doc, { ...changed, crisis: null });
    expect(readDoc(doc).crisis).toBeUndefined();
    syncDoc(doc, { a: { b: 1 }, c: "x" });
    expect(readDoc(doc)).toEqual({ a: { b: 1 }, c: "x" });
    syncDoc(doc, { a: { b: "one" }, c: "x" });
    expect(readDoc(doc)).toEqual({ a: { b: "one" }, c: "x" });
  });
});
