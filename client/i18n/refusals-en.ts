/**
 * Refusals by code: the engine, the server and the client's connections answer a refused request with a code and
 * its parameters only (seats, actions and phases arrive here as names). Merged into the interface's strings under "refusal".
 */
export const refusalsEn = {
  "bad-input": "That request was not understood.", "not-in-game": "{{seat}} has no seat in this game.", "wrong-phase": "Not possible in this phase ({{phase}}).",
  "already-ended": "The game is over.", "unknown-action": "There is no such action.", "not-your-action": "“{{action}}” is not open to you now.",
  "bad-target": "“{{action}}” cannot have that target.", "bad-option": "“{{action}}” needs another choice.",
  "over-budget-ap": "Not enough action points: these orders need {{need}}, you have {{have}}.", "over-budget-funds": "Not enough funds: these orders cost {{need}}, you have {{have}}.",
  "too-many-orders_one": "A round allows at most {{count}} order.", "too-many-orders_other": "A round allows at most {{count}} orders.",
  "duplicate-order": "“{{action}}” is ordered twice on the same target.",
  "unknown-decision": "That decision is no longer open.", "not-your-decision": "That decision is not yours to take.", "already-answered": "That decision has already been answered.",
  "bad-answer": "That is not one of the possible answers.",
  "rules-changed": "The rules changed after round {{round}} of this game; it can no longer be continued.",
  "too-big": "That request is too large.", "rate-limited": "Too many requests: wait a moment.", spectator: "Spectators watch; join as a player to act.",
  "game-over": "The game is over.", "already-started": "The game has already started.", "not-seated": "Take a seat first.", "not-host": "Only the match's host can do that.",
  "unknown-seat": "{{seat}} cannot be played here.", "unknown-member": "No such player in this match.", "not-enough-humans": "At least one player must take a seat.",
  "not-started": "The game has not started yet.", stale: "That was meant for round {{round}}; it is now round {{now}}.", "seat-taken": "{{seat}} is taken.",
  "not-your-seat": "That seat is not yours.", "not-teacher": "Only the teacher can do that.", locked: "The teacher has locked joining.", "class-full": "The class is full.",
  "name-taken": "That nickname is taken.", "name-in-use": "That nickname is already open in another tab of this browser.", "unknown-student": "No student is called {{name}}.",
  "no-students": "No student has joined yet.", "not-student": "Only students in a team play the game.", "bot-seat": "A bot is playing your seat for now.",
  paused: "The game is paused by the teacher.", "no-timer": "There is no timer to extend.",
  "unknown-code": "No class or match has that code.", "unknown-replay": "No public replay has that link.", "unknown-match": "No match has that code.", "not-found": "Nothing is here.", "wrong-key": "That is not this class's teacher key.",
  "open-failed": "It could not be opened. Try again.", "not-open": "The teacher has not opened this class yet.", "not-over": "The debrief opens when the game is over.",
  offline: "Not connected right now.", "bad-reply": "The server gave no answer.", "request-failed": "The request did not get through. Check your connection.",
  closed: "The connection to the match is closed.", "game-left": "This game has been left.", "solo-no-lobby": "A solo game has no lobby: every other seat is a bot.",
  "bad-request": "The request was refused.", "server-error": "The server could not answer. Try again in a moment.",
  "no-backend": "The game server did not answer. Try again in a moment.",
  "store-failed": "The server could not save that. Try again.",
  other: "That was refused.",
};
