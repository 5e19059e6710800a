/**
 * Bar charts (Chart.js, only the parts a bar chart needs). Charts draw on a canvas, so no text
 * from a plan or data file ever becomes HTML. Amounts arrive as exact decimal strings and are
 * turned into numbers here only to set bar heights — never for money arithmetic.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";
import { el } from "../dom.ts";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export const SERIES_COLOURS = ["#3867d6", "#20bf6b", "#f7b731", "#eb3b5a", "#8854d0", "#0fb9b1"];

export interface BarSeries {
  label: string;
  values: string[];
}

export interface BarChartOptions {
  title: string;
  labels: string[];
  series: BarSeries[];
  /** Unit shown after values on the axis and in tooltips, e.g. "%" or " EUR". */
  unit?: string;
  horizontal?: boolean;
  height?: number;
}

/** A titled chart in its own box; the chart is destroyed with `dispose`. */
export function barChart(options: BarChartOptions): { element: HTMLElement; dispose(): void } {
  const canvas = el("canvas", { attrs: { role: "img", "aria-label": options.title } });
  const canvasBox = el("div", { className: "chart-canvas", attrs: { style: `height:${options.height ?? 190}px` } }, canvas);
  const box = el(
    "div",
    { className: "chart" },
    el("div", { className: "chart-title", text: options.title }),
    canvasBox,
  );
  const unit = options.unit ?? "";
  const chart = new Chart(canvas, {
    type: "bar",
    data: {
      labels: options.labels,
      datasets: options.series.map((s, i) => ({
        label: s.label,
        data: s.values.map((v) => (v === "n/a" ? 0 : Number(v))),
        backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
        borderRadius: 2,
      })),
    },
    options: {
      indexAxis: options.horizontal ? "y" : "x",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: options.series.length > 1, position: "bottom", labels: { boxWidth: 12 } },
        tooltip: {
          callbacks: {
            // The exact text from the result, not the float used for drawing.
            label: (item) => `${item.dataset.label ?? ""}: ${options.series[item.datasetIndex]?.values[item.dataIndex] ?? ""}${unit}`,
          },
        },
      },
      scales: {
        x: { ticks: { autoSkip: false, font: { size: 11 } }, grid: { display: !!options.horizontal } },
        y: { beginAtZero: true, ticks: { font: { size: 11 } } },
      },
    },
  });
  // Chart.js follows its box's width one animation frame late (its ResizeObserver defers the
  // resize to the next frame). A chart whose tab was hidden while the window changed width (a
  // phone turned, the splitter moved) therefore showed for a frame or more at its old width:
  // 556 px on a 390 px phone, the panel scrolling sideways. This observer resizes the chart in
  // the frame that lays its box out, before that frame is painted; a hidden box (width 0) is
  // left alone, as Chart.js does. `.chart-canvas { overflow: hidden }` (styles.css) keeps a
  // canvas from ever widening its panel in between.
  const follow = new ResizeObserver((entries) => {
    if ((entries[0]?.contentRect.width ?? 0) > 0) chart.resize();
  });
  follow.observe(canvasBox);
  return {
    element: box,
    dispose: () => {
      follow.disconnect();
      chart.destroy();
    },
  };
}
