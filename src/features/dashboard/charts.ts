import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';

/**
 * Charts drawn on the server as SVG, with scales, ticks and paths from d3-scale and d3-shape. Each chart is a picture
 * of a table that the page shows beside it, so the SVG is labelled as an image and says where its figures are.
 */

const compactPounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', notation: 'compact', maximumFractionDigits: 1 });
/** "£1.2M" for an axis, from pence */
export const axisPounds = (pence: number) => compactPounds.format(pence / 100);

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const COLOURS = { first: '#1d70b8', second: '#00703c', axis: '#505a5f', text: '#0b0c0c' };

export interface Bar {
  label: string;
  /** pence */
  first: number;
  second: number;
}

/**
 * Horizontal bars, two per row (for example committed and verified delivered), with a value axis in pounds.
 */
export function barChart(bars: Bar[], legend: { first: string; second: string }, description: string): string {
  const width = 640;
  const labelWidth = 200;
  const rowHeight = 44;
  const top = 34;
  const height = top + Math.max(1, bars.length) * rowHeight + 30;
  const max = Math.max(1, ...bars.flatMap((b) => [b.first, b.second]));
  const x = scaleLinear()
    .domain([0, max])
    .nice()
    .range([labelWidth, width - 20]);
  const y = scaleBand()
    .domain(bars.map((_, i) => String(i)))
    .range([top, height - 30])
    .paddingInner(0.25);
  const band = y.bandwidth() / 2;
  const ticks = x.ticks(4);
  const parts = [
    ...ticks.map(
      (t) =>
        `<line x1="${x(t)}" x2="${x(t)}" y1="${top}" y2="${height - 30}" stroke="#b1b4b6" stroke-width="1"/>` +
        `<text x="${x(t)}" y="${height - 12}" text-anchor="middle" font-size="13" fill="${COLOURS.axis}">${escape(axisPounds(t))}</text>`,
    ),
    ...bars.map((b, i) => {
      const y0 = y(String(i))!;
      const label = b.label.length > 28 ? `${b.label.slice(0, 27)}…` : b.label;
      return (
        `<text x="${labelWidth - 8}" y="${y0 + band + 4}" text-anchor="end" font-size="14" fill="${COLOURS.text}">${escape(label)}</text>` +
        `<rect x="${labelWidth}" y="${y0}" width="${x(b.first) - labelWidth}" height="${band - 1}" fill="${COLOURS.first}"/>` +
        `<rect x="${labelWidth}" y="${y0 + band}" width="${x(b.second) - labelWidth}" height="${band - 1}" fill="${COLOURS.second}"/>`
      );
    }),
    legendOf(legend, labelWidth),
  ];
  return svg(width, height, description, parts.join(''));
}

export interface TrendPoint {
  label: string;
  first: number;
  second: number;
}

/** Two lines over quarters (for example committed due and verified delivered), with a value axis in pounds. */
export function trendChart(points: TrendPoint[], legend: { first: string; second: string }, description: string): string {
  const width = 640;
  const height = 300;
  const left = 70;
  const top = 34;
  const bottom = height - 50;
  const x = scalePoint()
    .domain(points.map((_, i) => String(i)))
    .range([left, width - 20])
    .padding(0.5);
  const max = Math.max(1, ...points.flatMap((p) => [p.first, p.second]));
  const y = scaleLinear().domain([0, max]).nice().range([bottom, top]);
  const path = (value: (p: TrendPoint) => number) =>
    line<TrendPoint>()
      .x((_, i) => x(String(i))!)
      .y((p) => y(value(p)))(points) ?? '';
  // label at most about eight quarters along the axis so that the labels never overlap
  const every = Math.max(1, Math.ceil(points.length / 8));
  const parts = [
    ...y
      .ticks(5)
      .map(
        (t) =>
          `<line x1="${left}" x2="${width - 20}" y1="${y(t)}" y2="${y(t)}" stroke="#b1b4b6" stroke-width="1"/>` +
          `<text x="${left - 8}" y="${y(t) + 4}" text-anchor="end" font-size="13" fill="${COLOURS.axis}">${escape(axisPounds(t))}</text>`,
      ),
    ...points
      .map((p, i) => ({ p, i }))
      .filter(({ i }) => i % every === 0)
      .map(({ p, i }) => `<text x="${x(String(i))}" y="${bottom + 20}" text-anchor="middle" font-size="13" fill="${COLOURS.axis}">${escape(p.label)}</text>`),
    `<path d="${path((p) => p.first)}" fill="none" stroke="${COLOURS.first}" stroke-width="3"/>`,
    `<path d="${path((p) => p.second)}" fill="none" stroke="${COLOURS.second}" stroke-width="3" stroke-dasharray="8 4"/>`,
    legendOf(legend, left),
  ];
  return svg(width, height, description, parts.join(''));
}

function legendOf(legend: { first: string; second: string }, x: number): string {
  return (
    `<rect x="${x}" y="6" width="16" height="16" fill="${COLOURS.first}"/>` +
    `<text x="${x + 22}" y="19" font-size="14" fill="${COLOURS.text}">${escape(legend.first)}</text>` +
    `<rect x="${x + 230}" y="6" width="16" height="16" fill="${COLOURS.second}"/>` +
    `<text x="${x + 252}" y="19" font-size="14" fill="${COLOURS.text}">${escape(legend.second)}</text>`
  );
}

function svg(width: number, height: number, description: string, content: string): string {
  return (
    `<svg class="sv-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escape(description)}" focusable="false">` +
    `${content}</svg>`
  );
}
