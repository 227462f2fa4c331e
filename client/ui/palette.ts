import type { Power, Seat } from "../../shared/engine/ids.ts";

/**
 * Okabe–Ito colours, safe for the common forms of colour blindness. Colour is never the only signal:
 * every piece also carries a letter or a word.
 */
export const OKABE_ITO = {
  black: "#000000", orange: "#E69F00", sky: "#56B4E9", green: "#009E73",
  yellow: "#F0E442", blue: "#0072B2", vermillion: "#D55E00", purple: "#CC79A7", grey: "#8C8C8C",
} as const;

export const SEAT_COLOURS: Record<Seat, string> = {
  russia: OKABE_ITO.blue,
  china: OKABE_ITO.vermillion,
  west: OKABE_ITO.green,
  kazakhstan: OKABE_ITO.sky,
  kyrgyzstan: OKABE_ITO.orange,
  tajikistan: OKABE_ITO.purple,
  turkmenistan: OKABE_ITO.yellow,
  uzbekistan: OKABE_ITO.grey,
};

/** One-letter marks drawn beside each power's colour. */
export const POWER_MARKS: Record<Power, string> = { russia: "R", china: "C", west: "W" };

/** Dash patterns for chart lines, so lines differ by shape as well as colour. */
export const DASHES: number[][] = [[], [6, 4], [2, 3], [10, 3, 2, 3], [1, 2], [8, 2], [4, 4], [12, 6]];

export function hexToNumber(hex: string): number {
  return Number.parseInt(hex.slice(1), 16);
}
