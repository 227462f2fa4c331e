import {
  CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Title, Tooltip,
} from "chart.js";
import { POWERS, STATES } from "../../shared/engine/index.ts";
import { DASHES, SEAT_COLOURS } from "../ui/palette.ts";
import { t } from "../i18n/strings.ts";
import type { ChartSeries } from "./series.ts";

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Title, Tooltip);

const POINTS = ["circle", "rect", "triangle", "rectRot", "star", "crossRot", "cross", "line"] as const;

interface Line { label: string; data: number[]; colour: string }

function draw(canvas: HTMLCanvasElement, title: string, labels: string[], lines: Line[], max?: number): Chart {
  return new Chart(canvas, {
    type: "line",
    data: {
      labels,
      datasets: lines.map((l, i) => ({
        label: l.label, data: l.data, borderColor: l.colour, backgroundColor: l.colour, borderWidth: 2.5,
        borderDash: DASHES[i % DASHES.length], pointStyle: POINTS[i % POINTS.length], pointRadius: 4, tension: 0.2,
      })),
    },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { title: { display: true, text: title, font: { size: 14 } }, legend: { position: "bottom", labels: { usePointStyle: true, boxWidth: 10 } } },
      scales: { x: { title: { display: true, text: t("end.roundAxis") } }, y: { beginAtZero: true, ...(max !== undefined ? { max } : {}) } },
    },
  });
}

/** Draws the four end-of-game charts into the given canvases; each line differs by colour, dash and point shape. */
export function drawEndCharts(canvases: { influence: HTMLCanvasElement; stability: HTMLCanvasElement; debt: HTMLCanvasElement; tension: HTMLCanvasElement }, s: ChartSeries): Chart[] {
  return [
    draw(canvases.influence, t("end.influenceChart"), s.labels, POWERS.map((p) => ({ label: t(`seat.${p}`), data: s.influence[p], colour: SEAT_COLOURS[p] }))),
    draw(canvases.stability, t("end.stabilityChart"), s.labels, STATES.map((st) => ({ label: t(`seat.${st}`), data: s.stability[st], colour: SEAT_COLOURS[st] })), 10),
    draw(canvases.debt, t("end.debtChart"), s.labels, STATES.map((st) => ({ label: t(`seat.${st}`), data: s.debt[st], colour: SEAT_COLOURS[st] }))),
    draw(canvases.tension, t("end.tensionChart"), s.labels, [{ label: t("game.tension"), data: s.tension, colour: "#000000" }], 10),
  ];
}
