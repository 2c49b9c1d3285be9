// How hard the reliability tests push. `npm test` runs them at scale 1 (a short variant that
// fits CI's budget); `npm run torture` sets SPANLAB_TORTURE_SCALE (25 by default) and the same
// tests try that many times more inputs, kills and rounds. Every reliability test sizes its
// loops with `scaled` and reports what it did with `reportFigure`, so the torture run prints
// the figures the README's "Reliability" section quotes.

import type { TestContext } from 'node:test';

/// The multiplier; 1 unless the torture run asked for more.
export function tortureScale(): number {
  const raw = Number(process.env.SPANLAB_TORTURE_SCALE ?? '1');
  return Number.isFinite(raw) && raw >= 1 ? Math.floor(raw) : 1;
}

/// `base` repetitions at scale 1, `base × scale` under torture.
export function scaled(base: number): number {
  return base * tortureScale();
}

/// Prints one figure in the test's output (`# figure: …` in TAP, a diagnostic line in spec).
export function reportFigure(t: TestContext, figure: string): void {
  t.diagnostic(`figure: ${figure}`);
}
