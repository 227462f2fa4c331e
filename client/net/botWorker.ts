import { browserDecide, type BotReply, type BotRequest } from "./botDecide.ts";

/** The worker's own global scope, typed by hand because the project compiles against the page's DOM types. */
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<BotRequest>) => void) | null;
  postMessage(reply: BotReply): void;
  nggBotDecisions?: number;
};

// A counter on the worker's scope lets a browser test confirm that the bots think here and not on the page.
scope.nggBotDecisions = 0;

scope.onmessage = (e) => {
  const { id, level, view, seed } = e.data;
  try {
    const decision = browserDecide(level, view, seed);
    scope.nggBotDecisions! += 1;
    scope.postMessage({ id, decision });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
