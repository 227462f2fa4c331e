import { playGame, levelPlayer } from "../shared/bots/play.ts";
import { DEFAULT_BUDGET } from "../shared/bots/decide.ts";
import { STATES, totalInfluence } from "../shared/engine/index.ts";
const N = Number(process.argv[2] ?? 200), SEED = Number(process.argv[3] ?? 50000);
const out: unknown[] = [];
const p = levelPlayer("normal", DEFAULT_BUDGET);
for (let i = 0; i < N; i++) {
  const snaps: unknown[] = [];
  let lastRound = 0;
  const acts: unknown[] = [];
  const { state } = playGame({ mode: "powers", length: "short" }, SEED + i, p, (s) => {
    for (const e of s.log) if (e.kind === "actionResolved" && e.params.seat === "russia") acts.push({ r: e.round, a: e.params.action, t: e.params.target });
    if (s.phase === "orders" && s.round !== lastRound) {
      lastRound = s.round;
      const kz = s.countries.kazakhstan;
      snaps.push({ r: s.round, kzR: totalInfluence(kz, "russia"), kzC: totalInfluence(kz, "china"), kzW: totalInfluence(kz, "west"),
        allR: STATES.reduce((n, id) => n + totalInfluence(s.countries[id], "russia"), 0),
        west: s.global.westPresence, interv: s.stats.cstoInterventions, eaeu: kz.members.eaeu, csto: kz.members.csto,
        cstoN: STATES.filter((id) => s.countries[id].members.csto).length, eaeuN: STATES.filter((id) => s.countries[id].members.eaeu).length,
        tension: s.global.tension, crises: STATES.filter((id) => (s.countries[id] as any).crisis).length });
    }
  });
  out.push({ seed: SEED + i, ag: state.seats.russia!.agenda, snaps, acts });
}
console.log(JSON.stringify(out));
