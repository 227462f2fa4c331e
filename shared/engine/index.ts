/** The rules engine's public face: pure functions over plain data. */
export { createGame, submitOrders, answerDecision, closePhase, applyInput, type Input, type StepResult } from "./game.ts";
export { replay, replaySteps, verifyRecord, type GameRecord, type ReplayStep, type Verified } from "./replay.ts";
export { digestState } from "./digest.ts";
export { RULES_VERSION } from "./version.ts";
/** The game's numbers (the rupture line, the order limit): for showing them, never for re-deriving a rule outside the engine. */
export { RULES } from "./rules.ts";
export { viewFor, type GameView, type PublicSeat, type Viewer } from "./view.ts";
export { pendingSeats } from "./pending.ts";
export { legalActions, checkPlan, unfinishedCorridor, type LegalAction, type PlanCheck, type RejectCode, type Rejection } from "./legal.ts";
export { canSee, EVENT_KINDS, type EventKind } from "./events.ts";
export {
  roundPoints, agendaMet, totalInfluence, dominantShare, leads, parFor, fullPar, parFollowsBots, rupturePenalty, standing,
  objectives, agendaProgress, scoreParts, scoreBreakdown, SCORE_CATEGORIES,
  type ScoreCategory, type ObjectiveProgress, type AgendaProgress, type AgendaCondition, type ScorePart, type ScoreBreakdown, type ScoringInput,
} from "./scoring.ts";
export * from "./ids.ts";
export * from "./types.ts";
export {
  previewInput, previewDecision, stateFromView,
  type PreviewInput, type EffectPreview, type Outcome, type Change, type Risk, type EncroachmentPreview, type DistressLevel, type StateTrack, type GlobalTrack,
} from "./preview.ts";
