// The shape of one arc between two annotations (an event's trigger and an argument, or the
// two ends of a relation): a cubic curve that leaves the top of one span, rises above the
// line(s) and comes down on the top of the other, with an arrowhead at the far end and a
// point for its label at the curve's apex. Longer arcs rise higher, so that the arcs of one
// event nest rather than pile their labels on one spot. Pure geometry: every number is in
// the overlay's own pixels.

export interface Point {
  x: number;
  y: number;
}

export interface ArcShape {
  /** The SVG path data of the curve. */
  path: string;
  /** The SVG polygon points of the arrowhead at `to`. */
  arrow: string;
  /** Where the label sits: the curve's highest point. */
  label: Point;
}

const MIN_LIFT = 18;
const MAX_LIFT = 44;
const ARROW_LENGTH = 6;
const ARROW_HALF_WIDTH = 3.5;

/// The arc from `from` to `to` (top-centre points of the two spans). `lane` (0, 1, …) raises
/// an arc above the others leaving the same span; `labelAt` (0–1, the apex at 0.5) slides
/// its label along the curve, out of another label's way.
export function arcBetween(from: Point, to: Point, lane = 0, labelAt = 0.5): ArcShape {
  const dx = to.x - from.x;
  const lift = Math.min(MAX_LIFT, MIN_LIFT + Math.abs(dx) * 0.05 + Math.abs(to.y - from.y) * 0.2) + lane * 14;
  const top = Math.min(from.y, to.y) - lift;
  // On different lines the ends can sit one above the other; a little sideways pull keeps
  // the curve from folding onto itself.
  const pull = Math.abs(dx) < 24 ? 24 * (dx < 0 ? -1 : 1) : 0;
  const c1 = { x: from.x - pull / 2, y: top };
  const c2 = { x: to.x + pull / 2, y: top };
  const label = cubicAt(from, c1, c2, to, labelAt);

  // The arrowhead points along the curve's last tangent (c2 → to).
  const tx = to.x - c2.x;
  const ty = to.y - c2.y;
  const length = Math.hypot(tx, ty) || 1;
  const ux = tx / length;
  const uy = ty / length;
  const base = { x: to.x - ux * ARROW_LENGTH, y: to.y - uy * ARROW_LENGTH };
  const arrow = [
    [to.x, to.y],
    [base.x - uy * ARROW_HALF_WIDTH, base.y + ux * ARROW_HALF_WIDTH],
    [base.x + uy * ARROW_HALF_WIDTH, base.y - ux * ARROW_HALF_WIDTH],
  ]
    .map(([x, y]) => `${round(x!)},${round(y!)}`)
    .join(' ');

  const path = `M${round(from.x)},${round(from.y)} C${round(c1.x)},${round(c1.y)} ${round(c2.x)},${round(c2.y)} ${round(to.x)},${round(to.y)}`;
  return { path, arrow, label: { x: round(label.x), y: round(label.y) } };
}

function cubicAt(p0: Point, p1: Point, p2: Point, p3: Point, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
}

// Tenths of a pixel: enough for a crisp curve, short enough to keep the DOM small.
function round(value: number): number {
  return Math.round(value * 10) / 10;
}
