// Export at volume: 10,000 documents with 300,000 mentions and 20,000 events, written to
// every format, each next to a baseline measured in the same run — reading the same rows
// page by page and JSON.stringify-ing them to a file. Each measurement runs in a process
// of its own, so that its peak RSS is its own. Figures only; nothing here passes or fails.
//
// The targets (issue 5): spanlab-jsonl within 2× of the baseline; every format under 15 s.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExportFormatName } from '../common/export';
import type { Connection } from '../db/openDatabase';
import { EXPORT_FORMAT_NAMES } from '../common/export';

const DOCUMENTS = 10_000;
const MENTIONS_PER_DOCUMENT = 30;
const EVENTS_PER_DOCUMENT = 2;
/** The first documents are marked done: exporting only them shows whether memory grows with documents. */
const DONE = 1_000;

interface Figures {
  seconds: number;
  /** CPU time (user + system): what the figure would be on an idle machine. */
  cpuSeconds: number;
  documents: number;
  peakRssMb: number;
  /** Live heap after a full GC, in MB, every 2,000 documents (measured with `:heap`). */
  liveHeapMb?: number[];
}

const self = fileURLToPath(import.meta.url);

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spanlab-bench-export-'));
  const file = path.join(dir, 'bench.spanlab');
  const seeding = performance.now();
  const counts = await seedProject(file);
  console.log(
    `seeded ${counts.documents.toLocaleString('en-US')} documents, ${counts.mentions.toLocaleString('en-US')} mentions, ` +
      `${counts.events.toLocaleString('en-US')} events (${(counts.textBytes / 1024 / 1024).toFixed(1)} MB of text) ` +
      `in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
  );

  const loadBefore = os.loadavg()[0]!;
  // The baseline and spanlab-jsonl are measured in three back-to-back pairs (in alternating
  // order): on a machine shared with other work, the load changes between any two
  // measurements, and a pair taken seconds apart sees nearly the same load. Each is the
  // median of its three; the ratio is the median of the three pairs' ratios.
  const pairs: { baseline: Figures; lossless: Figures }[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const measureBaseline = () => measure('baseline', file, path.join(dir, 'baseline.jsonl'));
    const measureLossless = () => measure('spanlab-jsonl', file, path.join(dir, 'out-spanlab-jsonl'));
    if (i % 2 === 0) {
      const baseline = measureBaseline();
      pairs.push({ baseline, lossless: measureLossless() });
    } else {
      const lossless = measureLossless();
      pairs.push({ baseline: measureBaseline(), lossless });
    }
  }
  const baseline = median(pairs.map((p) => p.baseline));
  const header =
    `${'export'.padEnd(26)}${'seconds'.padStart(9)}${'docs/s'.padStart(10)}${'÷ baseline'.padStart(12)}` +
    `${'CPU s'.padStart(8)}${'÷ baseline'.padStart(12)}${'peak RSS'.padStart(11)}`;
  console.log(`\n${header}`);
  const row = (name: string, f: Figures) =>
    console.log(
      `${name.padEnd(26)}${f.seconds.toFixed(2).padStart(9)}${Math.round(f.documents / f.seconds).toLocaleString('en-US').padStart(10)}` +
        `${`${(f.seconds / baseline.seconds).toFixed(2)}×`.padStart(12)}${f.cpuSeconds.toFixed(2).padStart(8)}` +
        `${`${(f.cpuSeconds / baseline.cpuSeconds).toFixed(2)}×`.padStart(12)}${`${f.peakRssMb.toFixed(0)} MB`.padStart(11)}`,
    );
  row('baseline (rows → JSON)', baseline);
  const results = new Map<ExportFormatName, Figures>();
  for (const format of EXPORT_FORMAT_NAMES) {
    const figures = format === 'spanlab-jsonl' ? median(pairs.map((p) => p.lossless)) : measure(format, file, path.join(dir, `out-${format}`));
    results.set(format, figures);
    row(format === 'spanlab-jsonl' ? `${format} (median of ${PAIRS})` : format, figures);
  }
  const few = measure('spanlab-jsonl:done', file, path.join(dir, 'done.jsonl'));
  row(`spanlab-jsonl, ${few.documents.toLocaleString('en-US')} docs`, few);
  const heap = measure('spanlab-jsonl:heap', file, path.join(dir, 'heap.jsonl'), ['--expose-gc']).liveHeapMb!;

  const lossless = results.get('spanlab-jsonl')!;
  const slowest = [...results].sort(([, a], [, b]) => b.seconds - a.seconds)[0]!;
  const ratios = pairs.map((p) => p.lossless.seconds / p.baseline.seconds);
  const cpuRatios = pairs.map((p) => p.lossless.cpuSeconds / p.baseline.cpuSeconds);
  const times = (list: number[]) => list.map((r) => `${r.toFixed(2)}×`).join(', ');
  console.log(
    `\nspanlab-jsonl takes ${middle(ratios).toFixed(2)}× the baseline's time (pairs: ${times(ratios)}) and ` +
      `${middle(cpuRatios).toFixed(2)}× its CPU time (pairs: ${times(cpuRatios)}); target: within 2×. ` +
      `The slowest format, ${slowest[0]}, ${slowest[1].seconds.toFixed(1)} s (target: under 15 s).`,
  );
  console.log(
    `load average (1 min): ${loadBefore.toFixed(1)} before measuring, ${os.loadavg()[0]!.toFixed(1)} after, on ${os.cpus().length} cores`,
  );
  console.log(
    `peak RSS: ${lossless.peakRssMb.toFixed(0)} MB for ${lossless.documents.toLocaleString('en-US')} documents, ` +
      `${few.peakRssMb.toFixed(0)} MB for ${few.documents.toLocaleString('en-US')}; live heap after GC at ` +
      `${heap.map((mb, i) => `${((i + 1) * 2).toLocaleString('en-US')}k: ${mb.toFixed(0)} MB`).join(', ')} ` +
      '(memory follows the page of documents, not the project; the rest of RSS is garbage not yet collected).',
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Back-to-back measurements of the baseline and spanlab-jsonl. */
const PAIRS = 3;

// The measurement with the median time (its CPU time and RSS with it).
function median(list: Figures[]): Figures {
  return [...list].sort((a, b) => a.seconds - b.seconds)[Math.floor(list.length / 2)]!;
}

function middle(list: number[]): number {
  return [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
}

// One measurement in a child process: `node --import tsx bench/export.ts --measure MODE FILE OUT`.
function measure(mode: string, file: string, out: string, flags: string[] = []): Figures {
  const child = spawnSync(process.execPath, [...flags, '--import', import.meta.resolve('tsx'), self, '--measure', mode, file, out], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`${mode} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Figures;
}

// --- in the child -------------------------------------------------------------------------

async function child(mode: string, file: string, out: string): Promise<void> {
  const { openDatabase } = await import('../db/openDatabase');
  const { db } = await openDatabase(file, { mode: 'inspect' });
  // Loaded before the clock starts, as the baseline's code is: what tsx takes to compile the
  // export's modules from source (about 0.5 s) is not the export's work, and the app loads
  // them bundled.
  const { runExport } = await import('../main/services/export/exportRunner');
  const started = performance.now();
  const cpu = process.cpuUsage();
  const liveHeapMb: number[] = [];
  let documents: number;
  if (mode === 'baseline') {
    documents = baselineExport(db, out);
  } else {
    const [format, variant] = mode.split(':') as [ExportFormatName, string | undefined];
    const request = { format, out, ...(variant === 'done' ? { status: 'done' as const } : {}) };
    const progress = (done: number) => {
      if (variant !== 'heap' || done === 0 || done % 2_000 !== 0) return;
      // Exposed by --expose-gc, which the parent passes for this variant only.
      (globalThis as { gc?: () => void }).gc?.();
      liveHeapMb.push(process.memoryUsage().heapUsed / 1024 / 1024);
    };
    documents = runExport(db, file, request, { progress, cancelled: () => false }).documents;
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  db.close();
  const figures: Figures = {
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    documents,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    ...(liveHeapMb.length > 0 ? { liveHeapMb } : {}),
  };
  console.log(JSON.stringify(figures));
}

// The same rows an export reads, a page of documents at a time, each document's rows
// JSON.stringify-ed as one line.
function baselineExport(db: Connection, out: string): number {
  const IN_PAGE = 'IN (SELECT value FROM json_each(?))';
  const page = db.prepare<[number], { id: number }>('SELECT * FROM documents WHERE id > ? ORDER BY id LIMIT 200');
  const tables = {
    mentions: db.prepare<[string], { document_id: number }>(`SELECT * FROM mentions WHERE document_id ${IN_PAGE}`),
    events: db.prepare<[string], { document_id: number }>(`SELECT * FROM events WHERE document_id ${IN_PAGE}`),
    arguments: db.prepare<[string], { document_id: number }>(
      `SELECT a.*, e.document_id FROM event_arguments a JOIN events e ON e.id = a.event_id WHERE e.document_id ${IN_PAGE}`,
    ),
    relations: db.prepare<[string], { document_id: number }>(`SELECT * FROM relations WHERE document_id ${IN_PAGE}`),
  };
  const fd = fs.openSync(out, 'w');
  let documents = 0;
  let after = 0;
  db.exec('BEGIN');
  for (;;) {
    const rows = [...page.iterate(after)];
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    const ids = JSON.stringify(rows.map((r) => r.id));
    const grouped = Object.fromEntries(
      Object.entries(tables).map(([name, statement]) => {
        const byDocument = new Map<number, unknown[]>();
        for (const row of statement.iterate(ids)) byDocument.set(row.document_id, [...(byDocument.get(row.document_id) ?? []), row]);
        return [name, byDocument];
      }),
    );
    const lines = rows.map((row) =>
      JSON.stringify({ ...row, ...Object.fromEntries(Object.entries(grouped).map(([name, m]) => [name, m.get(row.id) ?? []])) }),
    );
    fs.writeSync(fd, `${lines.join('\n')}\n`);
    documents += rows.length;
  }
  db.exec('COMMIT');
  fs.closeSync(fd);
  return documents;
}

// --- seeding --------------------------------------------------------------------------------

/// Articles of generated words, annotated straight with SQL (through the Project's
// connection) in one transaction: 30 mentions a document on word boundaries, two of them
// untyped triggers of an event with two arguments, a relation, and entity links.
export async function seedProject(file: string): Promise<{ documents: number; mentions: number; events: number; textBytes: number }> {
  const { Project } = await import('../main/services/project');
  const project = await Project.create(file, { sample: false });
  const random = mulberry32(5);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const words = Array.from({ length: 3_000 }, (_, i) => syllables(random, 1 + (i % 3)));
  const db = project.db;
  const ids = (table: string) => db.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as number[];
  const entityTypes = ids('entity_types');
  const eventTypes = ids('event_types');
  const relationTypes = ids('relation_types');
  const rolesOf = db.prepare('SELECT id FROM event_roles WHERE event_type_id = ? ORDER BY id').pluck();
  const mention = db.prepare('INSERT INTO mentions (document_id, start, "end", type_id, entity_id, attributes) VALUES (?, ?, ?, ?, ?, ?)');
  const event = db.prepare('INSERT INTO events (document_id, trigger_mention_id, type_id, attributes) VALUES (?, ?, ?, ?)');
  const argument = db.prepare('INSERT INTO event_arguments (event_id, role_id, mention_id) VALUES (?, ?, ?)');
  const relation = db.prepare('INSERT INTO relations (document_id, type_id, from_mention_id, to_mention_id) VALUES (?, ?, ?, ?)');
  const entity = db.prepare('INSERT INTO entities (name, type_id) VALUES (?, ?)');
  const done = db.prepare("UPDATE documents SET status = 'done' WHERE id = ?");
  let textBytes = 0;
  let mentions = 0;
  let events = 0;

  db.transaction(() => {
    const entities = Array.from({ length: 2_000 }, (_, i) => Number(entity.run(`Entity ${i}`, pick(entityTypes)).lastInsertRowid));
    for (let d = 0; d < DOCUMENTS; d++) {
      // ~330 words in sentences of 10–24 words, paragraphs of three sentences.
      const spans: { start: number; end: number }[] = [];
      let text = '';
      for (let s = 0; s < 20; s++) {
        const length = 10 + Math.floor(random() * 15);
        for (let w = 0; w < length; w++) {
          const word = w === 0 ? capital(pick(words)) : random() < 0.15 ? capital(pick(words)) : pick(words);
          if (w > 0) text += ' ';
          spans.push({ start: text.length, end: text.length + word.length });
          text += word;
        }
        text += s % 3 === 2 ? '.\n\n' : '. ';
      }
      text = text.trimEnd();
      textBytes += text.length;
      const id = project.documents.add({ text, title: `Bench article ${d + 1}` }).id;
      if (d < DONE) done.run(id);
      // Mentions on every eleventh word or so, one to three words long, never overlapping.
      const step = Math.floor(spans.length / MENTIONS_PER_DOCUMENT);
      const inserted: number[] = [];
      for (let m = 0; m < MENTIONS_PER_DOCUMENT; m++) {
        const first = spans[m * step]!;
        const last = spans[m * step + (m % 3 === 0 ? 0 : Math.min(m % 3, step - 1))]!;
        const trigger = m % 15 === 1;
        const linked = !trigger && random() < 0.2 ? pick(entities) : null;
        const typeId = trigger ? null : pick(entityTypes);
        inserted.push(Number(mention.run(id, first.start, trigger ? first.end : last.end, typeId, linked, '{}').lastInsertRowid));
      }
      mentions += inserted.length;
      for (let e = 0; e < EVENTS_PER_DOCUMENT; e++) {
        const triggerIndex = e * 15 + 1;
        const type = pick(eventTypes);
        const eventId = Number(event.run(id, inserted[triggerIndex]!, type, '{"realis":"actual"}').lastInsertRowid);
        const roles = rolesOf.all(type) as number[];
        argument.run(eventId, roles[0]!, inserted[triggerIndex - 1]!);
        argument.run(eventId, roles[1] ?? roles[0]!, inserted[triggerIndex + 1]!);
        events++;
      }
      relation.run(id, pick(relationTypes), inserted[3]!, inserted[4]!);
    }
  })();
  project.close();
  return { documents: DOCUMENTS, mentions, events, textBytes };
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syllables(random: () => number, count: number): string {
  const consonants = 'bcdfghklmnprstvz';
  const vowels = 'aeiou';
  let word = '';
  for (let i = 0; i < count; i++) {
    word += consonants[Math.floor(random() * consonants.length)]! + vowels[Math.floor(random() * vowels.length)]!;
  }
  return word;
}

function capital(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

if (process.argv[1] === self && process.argv[2] === '--measure') {
  await child(process.argv[3]!, process.argv[4]!, process.argv[5]!);
}
