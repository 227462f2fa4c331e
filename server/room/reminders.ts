import type { Seat } from "../../shared/engine/index.ts";

/*
 * The extension point for deadline reminders. There is no mail server here, so by default nobody is reminded
 * beyond the browser's own notification (client/net/turnNotice.ts): a deployment that can reach players
 * (e-mail, a chat bot, a push service) sets its own `Reminders` at start with `setReminders`. The match room calls
 * it whenever a phase opens that waits for human seats; ids and numbers only (the words are the sender's).
 */

export interface PhaseOpened {
  roomId: string;
  /** The match's join code (private matches), for a link back: `/?join=CODE`. */
  code: string | null;
  name: string;
  round: number;
  phase: string;
  /** Human seats the phase waits for. */
  seats: Seat[];
  /** When the phase closes (epoch ms), or null without a deadline. */
  deadline: number | null;
}

export interface Reminders {
  phaseOpened(event: PhaseOpened): void;
}

const none: Reminders = { phaseOpened() {} };
let current: Reminders = none;

export function setReminders(next: Reminders | null): void {
  current = next ?? none;
}

export function reminders(): Reminders {
  return current;
}
