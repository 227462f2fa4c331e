import { matchMaker } from "@colyseus/core";
import express from "express";
import { buildDebrief } from "../../shared/debrief/build.ts";
import { RULES_VERSION, verifyRecord, type Seat } from "../../shared/engine/index.ts";
import { debriefTurningPoints } from "../../shared/debrief/turning.ts";
import { classReviewKey, reviewJobs } from "../review/jobs.ts";
import type { Review } from "../../shared/review/analyse.ts";
import { makeReplayPublic } from "../review/routes.ts";
import { MakePublicBody } from "../../shared/protocol/publicReplay.ts";
import { debriefJson, roundsCsv, timelineCsv } from "../../shared/debrief/export.ts";
import { CreateClassOptions, type CreatedClass } from "../../shared/protocol/classroom.ts";
import type { Codes } from "../codes.ts";
import { normaliseCode } from "../codes.ts";
import { addressOf, outOfMisses, spendMiss } from "../http.ts";
import { oneLine, type RefusalLog } from "../log.ts";
import type { Limits } from "../rateLimit.ts";
import type { Store } from "../store.ts";
import { issuePass, liveRoom, openOnce } from "./live.ts";
import type { OpeningClaim } from "../openOnce.ts";
import type { ClassSession } from "./store.ts";
import { checkTeacherKey } from "./teacherKey.ts";
import { networkRoute } from "./network.ts";

/*
 * HTTP for class sessions: create one (the key is returned once), open its room (teacher, with the key),
 * find its room (students and projector, with the code), and the debrief with its downloads. Codes are
 * short, so every unknown code costs the address a token from the miss budget it shares with match codes, and
 * every teacher-key check (right or wrong) a token from the key budget it shares with the class room; an address
 * out of tokens is refused outright. Code hits cost nothing, so a whole class behind one address can join at once.
 */

export function classroomRoutes(app: express.Application, deps: { records: Store; codes: Codes; limits: Limits; refusals: RefusalLog; openingClaim?: (key: string) => OpeningClaim }): void {
  const json = express.json({ limit: "4kb" });
  const limited = (res: express.Response) => res.status(429).json({ code: "rate-limited" });

  /** The session for a code, or an answer already sent (rate limit or unknown code). */
  const sessionFor = async (req: express.Request, res: express.Response): Promise<ClassSession | null> => {
    if (await outOfMisses(deps.limits, req, res)) return null;
    const session = await deps.records.loadClass(String(req.params.code).slice(0, 16));
    if (!session) {
      await spendMiss(deps.limits, req);
      res.status(404).json({ code: "unknown-code" });
      return null;
    }
    return session;
  };

  const presentedKey = (req: express.Request): string => req.get("x-teacher-key") ?? (typeof req.body?.key === "string" ? req.body.key : "");

  app.post("/api/class", json, async (req, res) => {
    if (!(await deps.limits.take("classCreations", addressOf(req)))) {
      res.status(429).json({ code: "rate-limited" });
      return;
    }
    const parsed = CreateClassOptions.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(400).json({ code: "bad-input" });
      return;
    }
    const taken = (code: string) => {
      const roomId = deps.codes.lookup(code);
      return typeof roomId === "object" && roomId !== null ? roomId.then((id) => id !== null) : roomId !== null;
    };
    const { session, key } = await deps.records.createClass(parsed.data, taken);
    const body: CreatedClass = { code: session.code, key };
    res.status(201).json(body);
  });

  app.post("/api/class/:code/open", json, async (req, res) => {
    const session = await sessionFor(req, res);
    if (!session) return;
    const check = await checkTeacherKey(deps, addressOf(req), presentedKey(req), session.keyHash);
    if (check === "rate-limited") return void limited(res);
    if (check === "wrong-key") return void res.status(403).json({ code: "wrong-key" });
    try {
      // The room gets the session and its record as they are now (read here: on PostgreSQL, whichever process kept them).
      const roomId = await openOnce(session.code, async () => {
        const current = (await deps.records.loadClass(session.code)) ?? session;
        const record = current.matchId !== null ? await deps.records.gameRecord(current.matchId) : null;
        return (await matchMaker.createRoom("class", { code: session.code, pass: issuePass(session.code, { session: current, record }) })).roomId;
      }, deps.openingClaim);
      res.json({ roomId });
    } catch (error) {
      deps.refusals.line(`class ${session.code} could not be opened: ${oneLine(error)}`);
      res.status(500).json({ code: "open-failed" });
    }
  });

  // The teacher (key) makes the finished class game's replay public: anyone with the link sees it in the public view.
  app.post("/api/class/:code/replay/public", json, async (req, res) => {
    if (!MakePublicBody.safeParse(req.body ?? {}).success) return void res.status(400).json({ code: "bad-input" });
    const session = await sessionFor(req, res);
    if (!session) return;
    const check = await checkTeacherKey(deps, addressOf(req), presentedKey(req), session.keyHash);
    if (check === "rate-limited") return void limited(res);
    if (check === "wrong-key") return void res.status(403).json({ code: "wrong-key" });
    if (session.matchId === null) return void res.status(409).json({ code: "not-started" });
    await makeReplayPublic(session.matchId, res);
  });

  networkRoute(app);

  app.get("/api/class/:code", async (req, res) => {
    const session = await sessionFor(req, res);
    if (!session) return;
    const roomId = await liveRoom(session.code);
    if (!roomId) {
      res.status(409).json({ code: "not-open" });
      return;
    }
    res.json({ roomId, name: session.setup.name });
  });

  // The debrief tells every seat's agenda and private moves: for the class once the game is over, before that for the teacher only.
  app.get("/api/class/:code/debrief", async (req, res) => {
    const session = await sessionFor(req, res);
    if (!session) return;
    // A presented key is checked (and costs a token) whatever the game's state; no key is no check.
    const key = presentedKey(req);
    const check = key ? await checkTeacherKey(deps, addressOf(req), key, session.keyHash) : "no-key";
    if (check === "rate-limited") return void limited(res);
    const record = session.matchId !== null ? await deps.records.gameRecord(session.matchId) : null;
    if (!record) {
      res.status(409).json({ code: "not-started" });
      return;
    }
    // Re-run under the current rules with its digests checked: a game the rules changed under is debriefed as far as
    // it replays (and, stopped for good, is open to the class like a finished one).
    const checked = verifyRecord(record, RULES_VERSION);
    const debrief = buildDebrief(checked.ok ? record : { ...record, inputs: record.inputs.slice(0, checked.matching), digests: undefined }, session.notes ?? []);
    // Before the end only the teacher may look.
    if (debrief.endReason === null && checked.ok && check !== "ok") {
      res.status(403).json({ code: "not-over" });
      return;
    }
    const format = String(req.query.format ?? "json");
    const file = `class-${normaliseCode(session.code)}`;
    // The record itself, for the replay viewer: as far as it replays under the current rules, with the teams' seats.
    if (format === "record") {
      const replayable = checked.ok ? record : { ...record, inputs: record.inputs.slice(0, checked.matching), digests: undefined };
      const teams = Object.entries(record.options.seats ?? {}).filter(([, c]) => c === "human").map(([seat]) => seat);
      res.json({ record: replayable, teams });
      return;
    }
    if (format === "rounds.csv" || format === "timeline.csv") {
      res.type("text/csv").attachment(`${file}-${format}`).send(format === "rounds.csv" ? roundsCsv(debrief) : timelineCsv(debrief));
      return;
    }
    // Once the game is over, the hard bot's review of each team's decisions: a bounded background job (its own
    // thread, one game at a time), "pending" in the debrief until it is done.
    if (debrief.endReason !== null || !checked.ok) {
      const reviewed = checked.ok ? record : { ...record, inputs: record.inputs.slice(0, checked.matching), digests: undefined };
      const teams = Object.entries(record.options.seats ?? {}).filter(([, c]) => c === "human").map(([seat]) => seat as Seat);
      const key = classReviewKey(normaliseCode(session.code), reviewed.inputs.length);
      if (!reviewJobs.knows(key)) {
        const kept = await deps.records.loadReview(key);
        if (Array.isArray(kept)) reviewJobs.remember(key, kept as Review[]);
      }
      debrief.turningPoints = debriefTurningPoints(reviewJobs.request(key, reviewed, teams));
    }
    if (req.query.download) res.attachment(`${file}-debrief.json`);
    res.type("application/json").send(debriefJson(debrief));
  });
}
