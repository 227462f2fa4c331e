import { DEFAULT_BUDGET, type SearchBudget } from "../../shared/bots/decide.ts";

/** The hard bot's default budget with this process's clock, so its search stops at its time limit. */
export const CLOCKED_BUDGET: SearchBudget = { ...DEFAULT_BUDGET, now: () => performance.now() };
