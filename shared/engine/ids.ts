/** Identifiers shared by the rules, the content files, the server and the client. */

export const POWERS = ["russia", "china", "west"] as const;
export type Power = (typeof POWERS)[number];

export const STATES = ["kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan"] as const;
export type StateId = (typeof STATES)[number];

/** The states on Xinjiang's border, whose stability China's security scoring and agenda watch. */
export const XINJIANG_BORDER: readonly StateId[] = ["kazakhstan", "kyrgyzstan", "tajikistan"];

export const SEATS = ["russia", "china", "west", ...STATES] as const;
export type Seat = (typeof SEATS)[number];

/** Board regions that are not seats but drive play: Russia's border, Xinjiang, Afghanistan. */
export const NEIGHBOURS = ["russia-region", "xinjiang", "afghanistan"] as const;
export type Neighbour = (typeof NEIGHBOURS)[number];
export type RegionId = StateId | Neighbour;

export const DOMAINS = ["security", "economy", "politics"] as const;
export type Domain = (typeof DOMAINS)[number];

export const ORGS = ["csto", "eaeu", "sco"] as const;
export type Org = (typeof ORGS)[number];

export const ASSETS = ["russianBases", "chineseOutposts", "pipelines", "briCorridor", "digital", "westProjects"] as const;
export type AssetKind = (typeof ASSETS)[number];

/** How well the bots at a table play, as the table chose: par in Great Powers games depends on it (rules.ts). */
export const TABLE_BOT_LEVELS = ["easy", "normal", "hard"] as const;
export type TableBotLevel = (typeof TABLE_BOT_LEVELS)[number];

export const GAME_LENGTHS = { short: 6, standard: 10 } as const;
export type GameLength = keyof typeof GAME_LENGTHS;

export const MODES = ["full", "powers"] as const;
export type Mode = (typeof MODES)[number];

export function isState(seat: string): seat is StateId {
  return (STATES as readonly string[]).includes(seat);
}
export function isPower(seat: string): seat is Power {
  return (POWERS as readonly string[]).includes(seat);
}

// Seats and regions are named by the client (seat.* and region.* in client/i18n), never here.

/** Land borders on the board. Russia borders Kazakhstan only (003). */
export const ADJACENCY: Record<RegionId, readonly RegionId[]> = {
  kazakhstan: ["russia-region", "xinjiang", "kyrgyzstan", "uzbekistan", "turkmenistan"],
  kyrgyzstan: ["kazakhstan", "uzbekistan", "tajikistan", "xinjiang"],
  tajikistan: ["kyrgyzstan", "uzbekistan", "afghanistan", "xinjiang"],
  turkmenistan: ["kazakhstan", "uzbekistan", "afghanistan"],
  uzbekistan: ["kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "afghanistan"],
  "russia-region": ["kazakhstan"],
  xinjiang: ["kazakhstan", "kyrgyzstan", "tajikistan"],
  afghanistan: ["tajikistan", "uzbekistan", "turkmenistan"],
};

export function borders(a: RegionId, b: RegionId): boolean {
  return ADJACENCY[a].includes(b);
}
