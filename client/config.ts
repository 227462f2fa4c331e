/** Options read from the page address: a join code, and pacing (tests use fast bots). */
export interface PageOptions {
  join: string | null;
  botDelayMs: number;
  feedDelayMs: number;
  /** A fixed seed for new solo games (repeatable games for tests and classes); random when absent. */
  seed: number | null;
  /** The code of a refusal the server's error page sent the browser here with (`?error=not-found`). */
  error: string | null;
}

export function pageOptions(search = location.search): PageOptions {
  const q = new URLSearchParams(search);
  const num = (key: string, fallback: number) => {
    const v = Number(q.get(key));
    return q.has(key) && Number.isFinite(v) && v >= 0 ? v : fallback;
  };
  return {
    join: q.get("join")?.trim() || null,
    botDelayMs: num("botDelay", 650),
    feedDelayMs: num("feedDelay", 450),
    seed: q.has("seed") ? num("seed", 0) : null,
    error: /^[a-z][a-z-]{1,40}$/.exec(q.get("error") ?? "")?.[0] ?? null,
  };
}

/** A match code from what a person typed or pasted: the code itself or a join link. */
export function parseJoinInput(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  let code = text;
  try {
    const url = new URL(text);
    code = url.searchParams.get("join") ?? "";
  } catch {
    const m = /[?&]join=([^&#\s]+)/.exec(text);
    if (m) code = m[1]!;
  }
  code = decodeURIComponent(code).trim();
  return /^[A-Za-z0-9_-]{3,20}$/.test(code) ? code : null;
}
