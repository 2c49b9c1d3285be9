// The document list at 100,000 documents, in real Chromium through serve mode: how long the
// keyboard takes to reach the last document, how long a jump to the middle takes to fill,
// and how long scroll frames are — each next to the same list holding 100 documents, the
// baseline measured in the same run. Figures only; nothing here passes or fails.

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedLargeProject } from '../test/e2e/largeProject';
import { openServedApp } from './servedApp';

interface ListFigures {
  endMs: number;
  middleMs: number;
  frameMedianMs: number;
  frameP95Ms: number;
  domRows: number;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spanlab-bench-list-'));
  const results: Record<string, ListFigures> = {};
  for (const count of [100, 100_000]) {
    const file = path.join(dir, `list-${count}.spanlab`);
    const seeding = performance.now();
    await seedLargeProject(file, count);
    console.log(`seeded ${count.toLocaleString('en-US')} documents in ${Math.round(performance.now() - seeding)} ms`);
    results[count] = await measureList(file, count);
  }
  const base = results[100]!;
  const large = results[100_000]!;
  const row = (name: string, b: number, l: number) =>
    console.log(`${name.padEnd(26)} ${b.toFixed(1).padStart(9)} ${l.toFixed(1).padStart(11)} ${(l / b).toFixed(2).padStart(7)}×`);
  console.log(`${'document list'.padEnd(26)} ${'100 docs'.padStart(9)} ${'100k docs'.padStart(11)} ${'ratio'.padStart(8)}`);
  row('End key → last row (ms)', base.endMs, large.endMs);
  row('jump to middle (ms)', base.middleMs, large.middleMs);
  row('scroll frame median (ms)', base.frameMedianMs, large.frameMedianMs);
  row('scroll frame p95 (ms)', base.frameP95Ms, large.frameP95Ms);
  console.log(`rows in the DOM at 100k: ${large.domRows}`);
}

async function measureList(file: string, count: number): Promise<ListFigures> {
  const app = await openServedApp(file);
  try {
    const { page } = app;
    const list = page.getByTestId('document-list');
    await list.getByTestId('document-row').first().waitFor();
    const domRows = await list.locator('.doc-row').count();

    await list.focus();
    let started = performance.now();
    await page.keyboard.press('End');
    await list.locator('.doc-row.is-active', { hasText: `Article ${count}:` }).waitFor();
    const endMs = performance.now() - started;

    started = performance.now();
    await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="document-row-placeholder"]').length === 0);
    const middleMs = performance.now() - started;

    await list.evaluate((el) => el.scrollTo({ top: 0 }));
    const frames = await list.evaluate(async (el) => {
      const times: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 120; i++) {
        el.scrollBy({ top: 240 });
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const now = performance.now();
        times.push(now - last);
        last = now;
      }
      return times.slice(1).sort((a, b) => a - b);
    });
    return {
      endMs,
      middleMs,
      frameMedianMs: frames[Math.floor(frames.length / 2)] ?? 0,
      frameP95Ms: frames[Math.floor(frames.length * 0.95)] ?? 0,
      domRows,
    };
  } finally {
    await app.close();
  }
}
