// Fuzzed batches through the real import into real projects: a folder of files of every
// format, each broken or not (see readerFuzz.test.ts for the readers on their own), plus
// now and then a broken annotation.conf. The import always finishes, in bounded time,
// with a report line for each file or record it left out; and the project holds only
// whole documents: each stored document is one a reader produced — its text exactly, every
// mention, event, argument and relation of it — nothing a reader accepted is missing, and
// the file passes SQLite's integrity and foreign-key checks.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { readBrat } from '../../../core/import/brat';
import { readConll } from '../../../core/import/conll';
import { readCsv } from '../../../core/import/csv';
import { decodeBytes } from '../../../core/import/decoding';
import { textFormat } from '../../../core/import/formatDetection';
import { readHtml } from '../../../core/import/html';
import { readJson } from '../../../core/import/json';
import { JsonlReader } from '../../../core/import/jsonl';
import { readPlainText } from '../../../core/import/plainText';
import type { ReadResult } from '../../../core/import/readResult';
import type { PortableDocument } from '../../../core/formats/portableDocument';
import type { Connection } from '../../../db/openDatabase';
import { importBatch } from '../../../main/services/import/batchImport';
import { fileBytes, fuzzParameters, mutatedText, withinHangLimitAsync } from '../../support/fuzzInputs';
import { jsonRecord } from '../../support/fuzzRecords';
import { newProject } from '../../support/projectFixture';
import * as samples from '../../support/readerSamples';
import { reportFigure, scaled } from '../../support/tortureScale';

const shared = samples.withShared();

/** One file of a batch: its name and its bytes. */
type BatchFile = [name: string, bytes: Uint8Array];

test('fuzzed batches import into whole documents only', async (t) => {
  t.diagnostic(shared.note);
  let batches = 0;
  let files = 0;
  let stored = 0;
  await fc.assert(
    fc.asyncProperty(batch(), async (batchFiles) => {
      batches++;
      files += batchFiles.length;
      const { project, dir } = await newProject({ sample: false });
      try {
        const folder = path.join(dir, 'batch');
        fs.mkdirSync(folder);
        for (const [name, bytes] of batchFiles) fs.writeFileSync(path.join(folder, name), bytes);
        const expected = await readAsImported(batchFiles);

        const report = await withinHangLimitAsync('importBatch', () => importBatch(project, { paths: [folder], format: 'auto' }));
        assert.equal(report.outcome, 'finished', report.failure);
        const names = new Set(batchFiles.map(([name]) => path.join(folder, name)));
        for (const issue of report.errors) {
          assert.ok(names.has(issue.file), `a report line names a file of the batch: ${issue.file}`);
          assert.doesNotMatch(issue.reason, /could not be (stored|written|imported)/, 'what a reader accepted is stored');
        }

        const db = project.db;
        assert.deepEqual(db.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
        assert.deepEqual(db.pragma('foreign_key_check'), []);
        const documents = db.prepare('SELECT id, text FROM documents').all() as { id: number; text: string }[];
        stored += documents.length;
        assert.equal(documents.length, report.counts.documents);
        assert.equal(documents.length, new Set(expected.map((d) => d.text)).size, 'every document a reader accepted is in');
        for (const document of documents) {
          const shape = storedShape(db, document.id);
          const matches = expected.filter((d) => d.text === document.text).map(portableShape);
          assert.ok(matches.length > 0, 'the stored text is exactly one a reader produced');
          assert.ok(
            matches.some((m) => JSON.stringify(m) === JSON.stringify(shape)),
            `document ${document.id} is whole: ${JSON.stringify(shape).slice(0, 300)} is none of ${JSON.stringify(matches).slice(0, 300)}`,
          );
        }
      } finally {
        project.close();
      }
    }),
    fuzzParameters(t, scaled(25)),
  );
  reportFigure(t, `import into projects: ${batches} batches, ${files} files, ${stored} documents stored`);
});

// --- the batch ---------------------------------------------------------------------

function batch(): fc.Arbitrary<BatchFile[]> {
  const bytes = (text: fc.Arbitrary<string>) => text.map((s) => new Uint8Array(Buffer.from(s, 'utf8')));
  const some = (name: string, arbitrary: fc.Arbitrary<Uint8Array>, max = 2) =>
    fc.array(arbitrary, { maxLength: max }).map((all) => all.map((b, i): BatchFile => [name.replace('#', String(i + 1)), b]));
  const bratPair = fc.constantFrom(...shared.brat).chain((sample) =>
    fc.tuple(
      fc.oneof(fc.constant(sample.text), mutatedText(sample.text)),
      fc.oneof(fc.constant(sample.ann), mutatedText(sample.ann, 5_000)),
    ),
  );
  const records = fc.array(jsonRecord(), { minLength: 1, maxLength: 8 }).map((rs) => rs.join('\n'));
  return fc
    .tuple(
      some('plain-#.txt', fileBytes(samples.TEXT_SAMPLES, 20_000)),
      some('notes-#.md', fileBytes(samples.MARKDOWN_SAMPLES, 20_000), 1),
      some('tokens-#.conll', fileBytes(samples.CONLL_SAMPLES, 20_000), 1),
      some('feed-#.jsonl', bytes(fc.oneof(records, fc.constantFrom(...shared.jsonl).chain((s) => mutatedText(s, 20_000))))),
      some('array-#.json', bytes(fc.array(jsonRecord(), { maxLength: 5 }).map((rs) => `[${rs.join(',')}]`)), 1),
      some('table-#.csv', fileBytes(samples.CSV_SAMPLES, 20_000), 1),
      some('page-#.html', fileBytes(samples.HTML_SAMPLES, 5_000), 1),
      fc.array(bratPair, { maxLength: 2 }),
      fc.option(fc.constantFrom(...shared.conf).chain((c) => mutatedText(c, 5_000))),
    )
    .map(([plain, md, conll, jsonl, json, csv, html, pairs, conf]) => [
      ...plain,
      ...md,
      ...conll,
      ...jsonl,
      ...json,
      ...csv,
      ...html,
      ...pairs.flatMap(([text, ann], i): BatchFile[] => [
        [`pair-${i + 1}.txt`, new Uint8Array(Buffer.from(text, 'utf8'))],
        [`pair-${i + 1}.ann`, new Uint8Array(Buffer.from(ann, 'utf8'))],
      ]),
      ...(conf === null ? [] : [['annotation.conf', new Uint8Array(Buffer.from(conf, 'utf8'))] as BatchFile]),
    ]);
}

// --- what the readers make of it ---------------------------------------------------------

/// The documents the readers accept from the batch, each file read the way the import
/// reads a file of its name.
async function readAsImported(files: readonly BatchFile[]): Promise<PortableDocument[]> {
  const byName = new Map(files);
  const documents: PortableDocument[] = [];
  for (const [name, bytes] of files) {
    const extension = path.extname(name);
    const stem = name.slice(0, -extension.length);
    let result: ReadResult | null = null;
    if (extension === '.jsonl') {
      const reader = new JsonlReader(name, {});
      const first = reader.push(bytes);
      const last = reader.end();
      result = { ...first, documents: [...first.documents, ...last.documents] };
    } else if (extension === '.csv') {
      result = { documents: [], errors: [], warnings: [] };
      const chunks = (async function* () {
        yield bytes;
      })();
      for await (const part of readCsv(chunks, name, {})) result.documents.push(...part.documents);
    } else if (extension !== '.ann' && extension !== '.conf') {
      const decoded = decodeBytes(bytes);
      if (!decoded.ok) continue;
      const text = decoded.text;
      const ann = byName.get(`${stem}.ann`);
      if (extension === '.txt' && ann) {
        const annText = decodeBytes(ann);
        if (annText.ok) result = readBrat({ text, ann: annText.text, textFile: name, annFile: `${stem}.ann` });
      } else if (extension === '.txt') {
        result = textFormat(text) === 'conll' ? readConll(text, name) : readPlainText(text, name, { markdown: false });
      } else if (extension === '.md') result = readPlainText(text, name, { markdown: true });
      else if (extension === '.conll') result = readConll(text, name);
      else if (extension === '.json') result = readJson(text, name, {});
      else if (extension === '.html') result = readHtml(text, name);
    }
    if (result) documents.push(...result.documents);
  }
  return documents;
}

// --- what a whole document is ------------------------------------------------------------

interface Shape {
  mentions: [number, number][];
  events: [number, number][];
  relations: [number, number][];
}

// A document's annotations by position: mentions by their spans, events by their trigger
// and argument count, relations by the spans they link.
function portableShape(document: PortableDocument): Shape {
  const span = new Map(document.mentions.map((m) => [m.id, [m.start, m.end] as [number, number]]));
  return sorted({
    mentions: document.mentions.map((m) => [m.start, m.end]),
    events: document.events.map((e) => [span.get(e.trigger)![0], e.arguments.length]),
    relations: document.relations.map((r) => [span.get(r.from)![0] * 1e6 + span.get(r.from)![1], span.get(r.to)![0] * 1e6 + span.get(r.to)![1]]),
  });
}

function storedShape(db: Connection, documentId: number): Shape {
  const rows = (sql: string) => db.prepare(sql).raw().all(documentId) as [number, number][];
  return sorted({
    mentions: rows('SELECT start, "end" FROM mentions WHERE document_id = ?'),
    events: rows(
      `SELECT m.start, (SELECT count(*) FROM event_arguments a WHERE a.event_id = e.id)
       FROM events e JOIN mentions m ON m.id = e.trigger_mention_id WHERE e.document_id = ?`,
    ),
    relations: rows(
      `SELECT f.start * 1e6 + f."end", t.start * 1e6 + t."end" FROM relations r
       JOIN mentions f ON f.id = r.from_mention_id JOIN mentions t ON t.id = r.to_mention_id WHERE r.document_id = ?`,
    ),
  });
}

function sorted(shape: Shape): Shape {
  const order = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1];
  return { mentions: shape.mentions.sort(order), events: shape.events.sort(order), relations: shape.relations.sort(order) };
}
