// The export service on a real project file: selection, labels, splits, the report, and
// the guarantee that nothing half-written ever appears under the chosen name.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import type { ExportReport, ExportRequest } from '../../../../common/export';
import { SpanlabError } from '../../../../common/errors';
import { ExportViolation } from '../../../../core/export/exportViolation';
import { readSpanlabJsonl } from '../../../../core/formats/spanlabJsonl';
import { openDatabase } from '../../../../db/openDatabase';
import { splitOf } from '../../../../main/services/export/datasetSplit';
import { ExportCancelled, runExport } from '../../../../main/services/export/exportRunner';
import type { ExportFixture } from '../../../support/exportFixture';
import { exportFixture } from '../../../support/exportFixture';
import { tempDir } from '../../../support/projectFixture';

let fixture: ExportFixture;
before(async () => {
  fixture = await exportFixture();
});

async function exportNow(request: Omit<ExportRequest, 'out'> & { out?: string }, cancelAfter = Infinity): Promise<ExportReport> {
  const { db } = await openDatabase(fixture.file, { mode: 'inspect' });
  try {
    let done = 0;
    return runExport(db, fixture.file, { out: path.join(tempDir(), 'out'), ...request }, {
      progress: (n) => (done = n),
      cancelled: () => done >= cancelAfter,
    });
  } finally {
    db.close();
  }
}

/** What is in the folder besides what the test put there: no temporary leftovers. */
function entries(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

describe('what is exported', () => {
  test('every document, in import order, with all its annotations', async () => {
    const report = await exportNow({ format: 'spanlab-jsonl' });
    const { header, documents, errors } = readSpanlabJsonl(fs.readFileSync(report.out, 'utf8'));
    assert.deepEqual(errors, []);
    assert.ok(header);
    assert.deepEqual(documents.map((d) => d.title), ['attack', 'emoji', 'marks', 'arabic', 'crlf']);
    const attack = documents[0]!;
    assert.equal(attack.status, 'done');
    assert.equal(attack.note, 'checked twice');
    assert.deepEqual(attack.metadata, { alpha: { a: [3, { x: null, y: true }], b: 2 }, zeta: 1 });
    assert.equal(attack.events.length, 3);
    assert.ok(attack.events.some((e) => e.arguments.some((a) => a.event !== undefined)));
    assert.equal(report.documents, 5);
    assert.equal(report.issueCount, 0);
    assert.equal(report.tokenizer, null);
  });

  test('mentions are numbered by position, and an entity has one id across documents', async () => {
    const report = await exportNow({ format: 'spanlab-jsonl' });
    const { documents } = readSpanlabJsonl(fs.readFileSync(report.out, 'utf8'));
    for (const d of documents) {
      const starts = d.mentions.map((m) => m.start);
      assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
      assert.deepEqual(d.mentions.map((m) => m.id), d.mentions.map((_, i) => `T${i + 1}`));
    }
    const zoe = documents.flatMap((d) => d.mentions.filter((m) => m.text.startsWith('Zo')).map((m) => m.entity));
    assert.equal(new Set(zoe).size, 1);
    assert.notEqual(zoe[0], null);
    assert.equal(documents[0]!.id, documents[0]!.id.match(/^[0-9a-f]{16}$/)?.[0]);
  });

  test('a status, a search and a choice of labels select what is exported', async () => {
    assert.equal((await exportNow({ format: 'doccano', status: 'done' })).documents, 2);
    assert.equal((await exportNow({ format: 'doccano', query: 'Hamburg' })).documents, 1);
    const report = await exportNow({ format: 'spanlab-jsonl', labels: ['PER', 'Contact.Meet'] });
    assert.deepEqual(Object.keys(report.labels).sort(), ['Contact.Meet', 'PER']);
    const { documents } = readSpanlabJsonl(fs.readFileSync(report.out, 'utf8'));
    const marks = documents.find((d) => d.title === 'marks')!;
    assert.deepEqual(marks.mentions.map((m) => m.label), ['PER', null, 'PER']);
    assert.equal(marks.events[0]!.arguments.length, 2);
  });

  test('a label the project does not have is refused by name', async () => {
    await assert.rejects(exportNow({ format: 'conll', labels: ['PER', 'PERSON'] }), (error: unknown) => {
      return error instanceof SpanlabError && error.code === 'invalid_input' && /no label "PERSON"/.test(error.message);
    });
  });
});

describe('splits', () => {
  test('put each document in exactly one split, decided by the seed and its text alone', async () => {
    const split = { train: 60, dev: 20, test: 20 };
    const report = await exportNow({ format: 'spanlab-jsonl', split, seed: 7 });
    assert.deepEqual(entries(report.out), ['.spanlab', 'dev.jsonl', 'test.jsonl', 'train.jsonl']);
    const ids = new Map<string, string>();
    for (const name of ['train', 'dev', 'test']) {
      const { documents } = readSpanlabJsonl(fs.readFileSync(path.join(report.out, `${name}.jsonl`), 'utf8'));
      for (const d of documents) {
        assert.ok(!ids.has(d.id), `${d.id} is in ${ids.get(d.id)} and ${name}`);
        ids.set(d.id, name);
      }
      assert.equal(report.splits[name]!.documents, documents.length);
    }
    assert.equal(ids.size, 5);
    const { db } = await openDatabase(fixture.file, { mode: 'inspect' });
    const hashes = db.prepare('SELECT content_hash FROM documents').pluck().all() as string[];
    db.close();
    for (const hash of hashes) assert.equal(ids.get(hash.slice(0, 16)), splitOf(hash, split, 7));
    const again = await exportNow({ format: 'spanlab-jsonl', split, seed: 7 });
    assert.equal(fs.readFileSync(path.join(again.out, 'train.jsonl'), 'utf8'), fs.readFileSync(path.join(report.out, 'train.jsonl'), 'utf8'));
    assert.match(report.command, / --split 60\/20\/20 --seed 7$/);
  });

  test('the split hash is the documented one, reproducible in Python', () => {
    // int(hashlib.sha256(b"13:abc").hexdigest()[:13], 16) / 16**13 == 0.6166…
    assert.equal(splitOf('abc', { train: 80, dev: 10, test: 10 }, 13), 'train');
    assert.equal(splitOf('abc', { train: 20, dev: 10, test: 70 }, 13), 'test');
    assert.equal(splitOf('abc', { train: 55, dev: 10, test: 35 }, 13), 'dev');
  });
});

describe('the report', () => {
  test('counts per label and split, lists what was left out with its reason, names the tokenizer and the command', async () => {
    const report = await exportNow({ format: 'conll', keep: 'innermost' });
    assert.equal(report.splits.all!.documents, 5);
    assert.equal(report.labels.PER, 5);
    assert.ok(report.issues.some((i) => i.reason.includes('does not start and end on token boundaries')));
    assert.ok(report.issues.some((i) => i.reason.includes('keeps the innermost mention')));
    assert.equal(report.issueCount, report.issues.length);
    assert.match(report.notes[0]!, /^conll holds entity mentions only: 6 events and 3 relations are not part of it\.$/);
    assert.match(report.tokenizer!, /^Intl\.Segmenter \(UAX #29/);
    assert.equal(report.command, `spanlab export --project ${fixture.file} --format conll --out ${report.out} --keep innermost`);
  });
});

describe('writing', () => {
  test('a finished export leaves no temporary file behind', async () => {
    const dir = tempDir();
    await exportNow({ format: 'iob2', out: path.join(dir, 'a.iob2') });
    await exportNow({ format: 'brat', out: path.join(dir, 'brat') });
    assert.deepEqual(entries(dir), ['a.iob2', 'brat']);
    assert.equal(entries(path.join(dir, 'brat')).filter((n) => n.endsWith('.ann')).length, 5);
  });

  test('a cancelled export leaves nothing, and the file it would have replaced untouched', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'data.jsonl');
    fs.writeFileSync(out, 'the previous export\n');
    await assert.rejects(exportNow({ format: 'doccano', out }, 2), ExportCancelled);
    assert.deepEqual(entries(dir), ['data.jsonl']);
    assert.equal(fs.readFileSync(out, 'utf8'), 'the previous export\n');
  });

  test('a check that fails stops the export with a clear error and leaves nothing', async () => {
    const copy = path.join(tempDir(), 'broken.spanlab');
    fs.copyFileSync(fixture.file, copy);
    for (const suffix of ['-wal', '-shm']) if (fs.existsSync(fixture.file + suffix)) fs.copyFileSync(fixture.file + suffix, copy + suffix);
    const { db } = await openDatabase(copy, { mode: 'open' });
    // A mention reaching past the end of its text: damage only raw SQL can do.
    db.prepare('UPDATE mentions SET "end" = "end" + 10000 WHERE id = (SELECT max(id) FROM mentions)').run();
    const dir = tempDir();
    const out = path.join(dir, 'x.jsonl');
    assert.throws(
      () => runExport(db, copy, { format: 'spanlab-jsonl', out }, { progress() {}, cancelled: () => false }),
      (error: unknown) => error instanceof ExportViolation && /stopped at document [0-9a-f]{16}: mentions\.\d+/.test(error.message),
    );
    db.close();
    assert.deepEqual(entries(dir), []);
  });

  test('a folder is replaced only when empty or an earlier export; never a folder of other files', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'hf');
    await exportNow({ format: 'hf', out });
    const second = await exportNow({ format: 'hf', out, level: 'document' });
    assert.equal(second.out, out);
    const foreign = path.join(dir, 'mine');
    fs.mkdirSync(foreign);
    fs.writeFileSync(path.join(foreign, 'thesis.tex'), '…');
    await assert.rejects(exportNow({ format: 'brat', out: foreign }), (error: unknown) => error instanceof SpanlabError && error.code === 'conflict');
    assert.deepEqual(entries(foreign), ['thesis.tex']);
    await assert.rejects(exportNow({ format: 'conll', out: dir }), /is a folder, and conll writes a file/);
    await assert.rejects(exportNow({ format: 'conll', out: path.join(dir, 'missing', 'x.conll') }), /does not exist/);
    assert.deepEqual(entries(dir), ['hf', 'mine']);
  });
});
