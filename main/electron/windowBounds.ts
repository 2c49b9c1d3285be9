// Where the window reopens. The saved position is only reused when the window would
// still be reachable: a monitor unplugged since last time must not strand the window
// off-screen, where the analyst can neither see nor drag it.

/// A rectangle in screen coordinates (the shape of Electron's `Rectangle`).
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/// The smallest window the UI is laid out for.
export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;

/// The saved bounds if a usable part of their title bar lies on one of `workAreas`,
/// clamped to the minimum size and to the largest work area; otherwise null (let the
/// window open centred at its default size).
export function restorableBounds(saved: Bounds | null | undefined, workAreas: readonly Bounds[]): Bounds | null {
  if (!saved || ![saved.x, saved.y, saved.width, saved.height].every(Number.isFinite)) return null;
  const maxWidth = Math.max(MIN_WINDOW_SIZE.width, ...workAreas.map((a) => a.width));
  const maxHeight = Math.max(MIN_WINDOW_SIZE.height, ...workAreas.map((a) => a.height));
  const bounds: Bounds = {
    x: Math.round(saved.x),
    y: Math.round(saved.y),
    width: Math.round(Math.min(Math.max(saved.width, MIN_WINDOW_SIZE.width), maxWidth)),
    height: Math.round(Math.min(Math.max(saved.height, MIN_WINDOW_SIZE.height), maxHeight)),
  };
  // The strip the window is dragged by: its top 32 pixels, less the window controls.
  const titleBar: Bounds = { x: bounds.x, y: bounds.y, width: bounds.width, height: 32 };
  const reachable = workAreas.some((area) => {
    const overlap = intersection(titleBar, area);
    return overlap !== null && overlap.width >= 120 && overlap.height >= 16;
  });
  return reachable ? bounds : null;
}

function intersection(a: Bounds, b: Bounds): Bounds | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}
