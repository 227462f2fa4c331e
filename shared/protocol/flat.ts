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

/** Rebuilds the nested object from flat entries. */
export function unflatten(entries: Iterable<[string, Primitive]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of entries) {
    const parts = path.split(".");
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
