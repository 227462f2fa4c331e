/**
 * Flattening of plain objects into path -> primitive entries, and back. The room keeps generic
 * game records (countries, tracks, stats) in flat maps so a change of one value patches one value.
 */

export type Primitive = number | string | boolean;

export function flatten(value: unknown, prefix = "", out = new Map<string, Primitive>()): Map<string, Primitive> {
  if (value === null || value === undefined) return out;
  if (typeof value === "object") {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
    return out;
  }
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") out.set(prefix, value);
  return out;
}

/** Split paths, kept: a document's keys are the same few hundred all game long, and views are rebuilt at every patch. */
const splitPaths = new Map<string, string[]>();
function partsOf(path: string): string[] {
  let parts = splitPaths.get(path);
  if (!parts) {
    parts = path.split(".");
    if (splitPaths.size < 10_000) splitPaths.set(path, parts);
  }
  return parts;
}

/** Rebuilds the nested object from flat entries. */
export function unflatten(entries: Iterable<[string, Primitive]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of entries) {
    const parts = partsOf(path);
    let node = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const key = parts[i]!;
      if (typeof node[key] !== "object" || node[key] === null) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[parts[parts.length - 1]!] = value;
  }
  return root;
}
