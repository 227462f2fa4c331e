/*
 * The server's log of refused attempts and errors: one line each, never a stack trace, and a line that repeats
 * (the same refusal from the same address, the same error) is counted rather than written again, so nobody can
 * grow the log on demand. The first occurrence in a window is written at once; the repeats are reported with the
 * next occurrence after the window, as "(and N more since ...)".
 */

export type LogSink = (line: string) => void;

/** The first line of an error or message, without its stack, trimmed to a sane length. */
export function oneLine(value: unknown): string {
  const text = value instanceof Error ? `${value.name}: ${value.message}` : typeof value === "string" ? value : String(value);
  const first = text.split(/\r?\n/, 1)[0] ?? "";
  return first.replace(/[\u0000-\u001f\u007f]/g, " ").slice(0, 300);
}

export class RefusalLog {
  private seen = new Map<string, { since: number; repeats: number }>();
  private write: LogSink;
  private now: () => number;
  private windowMs: number;

  constructor(write: LogSink = (line) => console.warn(line), now: () => number = Date.now, windowMs = 60_000) {
    this.write = write;
    this.now = now;
    this.windowMs = windowMs;
  }

  /** A refused attempt (`what`) from `who` (an address, or empty), with an optional one-line detail. */
  note(what: string, who = "", detail = ""): void {
    const line = oneLine(`refused ${what}${who ? ` from ${who}` : ""}${detail ? `: ${detail}` : ""}`);
    this.line(line);
  }

  /** Any line for the log, counted when it repeats. */
  line(text: string): void {
    const line = oneLine(text);
    const now = this.now();
    const entry = this.seen.get(line);
    if (entry && now - entry.since < this.windowMs) {
      entry.repeats += 1;
      return;
    }
    if (this.seen.size > 10_000) for (const [k, v] of this.seen) if (now - v.since >= this.windowMs) this.seen.delete(k);
    const repeats = entry?.repeats ?? 0;
    const seconds = entry ? Math.round((now - entry.since) / 1000) : 0;
    this.seen.set(line, { since: now, repeats: 0 });
    this.write(repeats > 0 ? `${line} (and ${repeats} more like it in the previous ${seconds} s)` : line);
  }
}

/** A logger for Colyseus: every message one line (the framework prints whole stacks), repeats counted. */
export function colyseusLogger(log: RefusalLog): Record<"debug" | "trace" | "info" | "warn" | "error", (...args: unknown[]) => void> {
  const join = (args: unknown[]) => args.map(oneLine).join(" ");
  return {
    debug: () => {},
    trace: () => {},
    info: (...args) => log.line(join(args)),
    warn: (...args) => log.line(join(args)),
    error: (...args) => log.line(join(args)),
  };
}
