/** Reads `--name value` and `--flag` pairs from the command line. */
export function parseArgs(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) continue;
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith("--")) {
      out[a.slice(2)] = next;
      i++;
    } else out[a.slice(2)] = true;
  }
  return out;
}

export function intArg(args: Record<string, string | true>, name: string, fallback: number): number {
  const v = args[name];
  if (v === undefined || v === true) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got ${v}`);
  return n;
}

export function choiceArg<T extends string>(args: Record<string, string | true>, name: string, choices: readonly T[], fallback: T): T {
  const v = args[name];
  if (v === undefined || v === true) return fallback;
  if (!choices.includes(v as T)) throw new Error(`--${name} must be one of ${choices.join(", ")}, got ${v}`);
  return v as T;
}
