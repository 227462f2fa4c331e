import type { GameRecord, Seat } from "../../shared/engine/index.ts";
import type { Review, ReviewedDecision } from "../../shared/review/analyse.ts";
import { seatName, t } from "../i18n/strings.ts";
import { gameScreen } from "../screens/game.ts";
import type { App } from "../screens/types.ts";
import { h, replace } from "../ui/dom.ts";
import { answerLabel } from "../panels/labels.ts";
import { analyse, cachedReview } from "./analysis.ts";
import { analysisOffer } from "./analysisOffer.ts";
import { ReplayConnection, type ReplayViewer } from "./replayConnection.ts";
import { turningText, turningWhy } from "./turningText.ts";
import "./review.css";

export interface ReplaySource {
  record: GameRecord;
  /** The seat the player played (a solo game): the replay starts seen by it, and its decisions are analysed. */
  seat: Seat | null;
  /** The seats it may be seen by besides the public (default: the player's). A class's teams, once its game is over. */
  seats?: Seat[];
}

/**
 * The replay viewer, loaded only when opened (its own chunk). It lays the game screen over the screen it was
 * opened from, driven by a ReplayConnection: step forward and back by step and by round, jump to a round; keys
 * ← → steps, ↑ ↓ rounds. The hard bot's analysis of the player's decisions runs in a worker, with a progress bar,
 * and lists the turning points, each a link to its moment. Returns the clean-up (also run by the Close button).
 */
export function openReplay(root: HTMLElement, app: App, source: ReplaySource, onClose: () => void = () => undefined): () => void {
  const covered = [...root.children].filter((c): c is HTMLElement => c instanceof HTMLElement && !c.hidden);
  for (const c of covered) c.hidden = true;
  let closed = false;
  let unmount: () => void = () => undefined;
  const close = () => {
    if (closed) return;
    closed = true;
    document.removeEventListener("keydown", onKey);
    job?.cancel();
    for (const c of charts) c.destroy();
    unmount();
    for (const c of covered) c.hidden = false;
    delete document.body.dataset.replay;
    onClose();
  };
  const choices = source.seats ?? (source.seat ? [source.seat] : []);
  const connection = new ReplayConnection(source.record, source.seat, source.seat ?? "spectator", close);
  /** The seat whose decisions are analysed: the seat the replay is seen by (none for the public view). */
  const analysed = (): Seat | null => (connection.viewer === "spectator" ? null : connection.viewer);

  const position = h("p", { class: "replay-position", id: "replay-position", "aria-live": "polite" });
  const happened = h("p", { class: "status-line", id: "replay-input" });
  const button = (id: string, label: string, text: string, go: () => number) => {
    const b = h("button", { type: "button", class: "small", id, title: label, "aria-label": label }, text);
    b.addEventListener("click", () => connection.go(go()));
    return b;
  };
  const last = () => connection.length - 1;
  const buttons = [
    button("replay-first", t("review.first"), "«", () => 0),
    button("replay-prev-round", t("review.prevRound"), "⇑", () => connection.prevRound()),
    button("replay-prev", t("review.prevStep"), "◀", () => connection.step - 1),
    button("replay-next", t("review.nextStep"), "▶", () => connection.step + 1),
    button("replay-next-round", t("review.nextRound"), "⇓", () => connection.nextRound()),
    button("replay-last", t("review.last"), "»", last),
  ];
  const jump = h("select", { id: "replay-round", "aria-label": t("review.jump") },
    ...Array.from({ length: connection.rounds }, (_, i) => h("option", { value: String(i + 1) }, t("review.roundOption", { round: i + 1 }))));
  jump.addEventListener("change", () => connection.go(connection.roundStart(Number((jump as HTMLSelectElement).value))));
  const viewerSelect = h("select", { id: "replay-viewer", "aria-label": t("review.viewAs") },
    ...choices.map((s) => h("option", { value: s }, s === source.seat ? t("review.yourSeat", { seat: seatName(s) }) : seatName(s))),
    h("option", { value: "spectator" }, t("review.publicView")));
  (viewerSelect as HTMLSelectElement).value = connection.viewer;
  viewerSelect.addEventListener("change", () => {
    job?.cancel();
    job = null;
    connection.setViewer((viewerSelect as HTMLSelectElement).value as ReplayViewer);
    const seat = analysed();
    review = seat ? cachedReview(source.record, seat) : null;
    resetAnalysis();
    if (review) showReview();
  });
  const closeButton = h("button", { type: "button", id: "replay-close" }, t("review.close"));
  closeButton.addEventListener("click", close);

  // The analysis: the hard bot's review of the player's decisions, in a worker, cached with the record.
  const progress = h("progress", { id: "review-progress", max: "1", value: "0", hidden: "" }) as HTMLProgressElement;
  const analysisStatus = h("p", { class: "status-line", id: "review-status", "aria-live": "polite" });
  const turningList = h("ol", { class: "turning-points", id: "turning-points" });
  const here = h("p", { class: "review-here", id: "review-here" });
  const run = h("button", { type: "button", id: "review-run" });
  const noSeat = h("p", { class: "status-line", id: "review-no-seat" });
  const explain = h("p", { class: "status-line" }, t("review.analysis.explain"));
  const turningHeading = h("h3", {}, t("review.turning.heading"));
  let review: Review | null = source.seat ? cachedReview(source.record, source.seat) : null;
  let job: { cancel(): void } | null = null;
  /** The analysis section as before any analysis of the seat now chosen. */
  function resetAnalysis(): void {
    const offer = analysisOffer(analysed(), choices);
    run.hidden = "note" in offer;
    (run as HTMLButtonElement).disabled = !("enabled" in offer && offer.enabled);
    run.textContent = "button" in offer ? offer.button : "";
    noSeat.textContent = "note" in offer ? offer.note : "";
    noSeat.hidden = !("note" in offer);
    // With no seat to analyse, how an analysis works and its (empty) turning points only crowd the note.
    explain.hidden = turningHeading.hidden = "note" in offer;
    progress.hidden = true;
    analysisStatus.textContent = "";
    replace(turningList);
    delete document.body.dataset.reviewReady;
  }
  resetAnalysis();
  run.addEventListener("click", () => {
    const seat = analysed();
    if (job || review || !seat) return;
    (run as HTMLButtonElement).disabled = true;
    progress.hidden = false;
    const started = analyse(source.record, seat, (done, total) => {
      progress.max = total;
      progress.value = done;
      analysisStatus.textContent = t("review.analysis.running", { done, total });
    });
    job = started;
    started.done.then((r) => {
      if (job !== started) return;
      review = r;
      showReview();
    }).catch((e: unknown) => {
      if (job !== started) return;
      job = null;
      (run as HTMLButtonElement).disabled = false;
      analysisStatus.textContent = t("review.analysis.failed", { message: e instanceof Error ? e.message : String(e) });
    });
  });

  function showReview(): void {
    if (!review || closed) return;
    job = null;
    progress.hidden = true;
    run.hidden = true;
    const turning = review.decisions.filter((d) => d.turningPoint).sort((a, b) => a.index - b.index);
    analysisStatus.textContent = `${t("review.analysis.done", { count: review.decisions.length, turning: turning.length })}${turning.length ? "" : ` ${t("review.analysis.none")}`}`;
    replace(turningList, ...turning.map((d) => {
      const show = h("button", { type: "button", class: "small", "data-step": String(d.index) }, t("review.turning.go"));
      show.addEventListener("click", () => connection.go(d.index));
      return h("li", { "data-round": String(d.round) }, h("span", {}, turningText(d)), " ", show, h("div", { class: "status-line" }, turningWhy(d)));
    }));
    document.body.dataset.reviewReady = "true";
    render();
  }

  const chartBoxes = { influence: h("canvas", {}), stability: h("canvas", {}), debt: h("canvas", {}), tension: h("canvas", {}) };
  const chartDetails = h("details", { class: "replay-charts", id: "replay-charts" },
    h("summary", {}, t("review.charts")), ...Object.values(chartBoxes).map((c) => h("div", { class: "chart-box" }, c)));
  let charts: { destroy(): void }[] = [];
  let chartsFor = -1;
  const drawCharts = () => {
    if (!(chartDetails as HTMLDetailsElement).open || chartsFor === connection.step) return;
    chartsFor = connection.step;
    const history = connection.view().history;
    void Promise.all([import("../charts/endCharts.ts"), import("../charts/series.ts")]).then(([{ drawEndCharts }, { seriesFrom }]) => {
      if (closed) return;
      for (const c of charts) c.destroy();
      charts = drawEndCharts(chartBoxes, seriesFrom(history));
    });
  };
  chartDetails.addEventListener("toggle", drawCharts);

  const aside = h("section", { class: "replay-controls card", id: "replay-controls", "aria-label": t("review.heading") },
    h("div", { class: "replay-head" }, h("h2", {}, t("review.heading")), closeButton),
    position, happened,
    h("div", { class: "replay-buttons" }, ...buttons),
    h("div", { class: "replay-row" }, h("label", {}, t("review.jump"), " ", jump), h("label", {}, t("review.viewAs"), " ", viewerSelect)),
    h("p", { class: "status-line" }, t("review.keys")),
    h("details", { class: "replay-analysis", id: "replay-analysis", open: "" },
      h("summary", {}, t("review.analysis.heading")),
      explain, run, noSeat, progress, analysisStatus, here, turningHeading, turningList),
    chartDetails);

  function inputText(): string {
    const step = connection.stepAt(connection.step);
    const input = step.input;
    if (!input) return t("review.input.created");
    if (input.type === "close") return t("review.input.close");
    const mine = input.seat === connection.viewer;
    const seat = seatName(input.seat);
    if (input.type === "orders") return t(mine ? "review.input.orders" : "review.input.ordersHidden", { seat });
    const kind = connection.stepAt(connection.step - 1).state.decisions.find((d) => d.id === input.decision)?.kind ?? "offer";
    return mine ? t("review.input.answer", { seat, answer: answerLabel(kind, input.answer) }) : t("review.input.answerHidden", { seat });
  }

  function render(): void {
    const view = connection.view();
    position.textContent = t("review.position", { round: view.round, maxRounds: view.maxRounds, phase: t(`phase.${view.phase}`), step: connection.step, steps: connection.length - 1 });
    happened.textContent = inputText();
    (jump as HTMLSelectElement).value = String(view.round);
    (buttons[0] as HTMLButtonElement).disabled = (buttons[1] as HTMLButtonElement).disabled = (buttons[2] as HTMLButtonElement).disabled = connection.step === 0;
    (buttons[3] as HTMLButtonElement).disabled = (buttons[4] as HTMLButtonElement).disabled = (buttons[5] as HTMLButtonElement).disabled = connection.step === connection.length - 1;
    document.body.dataset.replayStep = String(connection.step);
    const at: ReviewedDecision | undefined = review?.decisions.find((d) => d.index === connection.step);
    here.textContent = at ? t("review.analysis.here", { text: at.same ? t("review.analysis.agree") : `${turningText(at)} ${turningWhy(at)}` }) : "";
    for (const li of turningList.querySelectorAll("li")) li.classList.toggle("current", li.querySelector("button")?.dataset.step === String(connection.step));
    drawCharts();
  }

  const onKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
    const to = e.key === "ArrowLeft" ? connection.step - 1 : e.key === "ArrowRight" ? connection.step + 1
      : e.key === "ArrowUp" ? connection.prevRound() : e.key === "ArrowDown" ? connection.nextRound() : null;
    if (to === null) return;
    e.preventDefault();
    connection.go(to);
  };
  document.addEventListener("keydown", onKey);

  document.body.dataset.replay = "open";
  unmount = gameScreen(root, { ...app, toMenu: close }, connection, { tabs: ["log", "seats"], aside, className: "replay", guide: false });
  const unsubscribe = connection.subscribe(render);
  const innerUnmount = unmount;
  unmount = () => {
    unsubscribe();
    innerUnmount();
  };
  render();
  if (review) showReview();
  (buttons[3] as HTMLButtonElement).focus();
  return close;
}
