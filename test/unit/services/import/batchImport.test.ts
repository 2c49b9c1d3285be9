// Importing batches into real project files: the shared brat and doccano fixtures, the
// mixed batch of good and bad files, dedupe, created labels, and what an import must not
// disturb (the undo log, the ids undo relies on).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { DEFAULT_SCHEMA } from '../../../../core/defaultSchema';
import { writeSpanlabJsonlDocument, writeSpanlabJsonlHeader } from '../../../../core/formats/spanlabJsonl';
import { LABEL_PALETTES } from '../../../../core/labelPalette';
import { importBatch } from '../../../../main/services/import/batchImport';
import { Project } from '../../../../main/services/project';
import { writeMixedBatch } from '../../../support/importFixtures';
import { tempDir } from '../../../support/projectFixture';
import { missingShared, sharedFixture } from '../../../support/sharedFixtures';

async function emptyProject(): Promise<Project> {
  return Project.create(path.join(tempDir(), 'p.spanlab'), { sample: false });
}

const count = (project: Project, sql: string, ...params: unknown[]) =>
  project.db.prepare(sql).pluck().get(...params) as number;

describe('the shared brat fixtures', () => {
  const brat = 'fixtures/brat';
  test('every annotation line is represented, and annotation.conf is the schema', { skip: missingShared(brat) }, async () => {
    const project = await emptyProject();
    try {
      const report = await importBatch(project, { paths: [sharedFixture(brat)], format: 'auto' });
      assert.deepEqual(report.errors, []);

      // Count the lines of every .ann by kind, and the fragments of the Ts.
      const lines = { T: 0, E: 0, R: 0, A: 0, N: 0, note: 0, equiv: 0, fragments: 0, args: 0, eventArgs: 0 };
      let pairs = 0;
      for (const corpus of fs.readdirSync(sharedFixture(brat))) {
        const dir = path.join(sharedFixture(brat), corpus);
        if (!fs.statSync(dir).isDirectory()) continue;
        for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.ann'))) {
          pairs++;
          for (const line of fs.readFileSync(path.join(dir, name), 'utf8').split('\n')) {
            const kind = line[0];
            if (kind === 'T') {
              lines.T++;
              lines.fragments += line.split('\t')[1]!.split(';').length;
            } else if (kind === 'E') {
              lines.E++;
              for (const arg of line.split('\t')[1]!.trim().split(' ').slice(1)) {
                if (arg.split(':')[1]!.startsWith('E')) lines.eventArgs++;
                else lines.args++;
              }
            } else if (kind === 'R') lines.R++;
            else if (kind === 'A' || kind === 'M') lines.A++;
            else if (kind === 'N') lines.N++;
            else if (kind === '#') lines.note++;
            else if (kind === '*') lines.equiv++;
          }
        }
      }
      assert.equal(report.counts.documents >= pairs, true);
      assert.equal(count(project, 'SELECT count(*) FROM mentions'), lines.fragments, 'T → one mention per fragment');
      assert.equal(count(project, 'SELECT count(*) FROM events'), lines.E, 'E → events');
      assert.equal(count(project, 'SELECT count(*) FROM event_arguments WHERE mention_id IS NOT NULL'), lines.args);
      assert.equal(count(project, 'SELECT count(*) FROM event_arguments WHERE arg_event_id IS NOT NULL'), lines.eventArgs);
      assert.equal(count(project, 'SELECT count(*) FROM relations'), lines.R, 'R → relations');
      const attributes = count(project, `SELECT (SELECT count(*) FROM mentions, json_each(mentions.attributes))
        + (SELECT count(*) FROM events, json_each(events.attributes)) + (SELECT count(*) FROM relations, json_each(relations.attributes))`);
      assert.equal(attributes, lines.A, 'A and M → attributes');
      assert.equal(count(project, "SELECT count(*) FROM entities WHERE external_id IS NOT NULL"), lines.N, 'N → external ids');
      const discontinuous = lines.fragments - lines.T;
      assert.equal(report.counts.entities, lines.equiv + discontinuous, '* (and discontinuous Ts) → entities');
      assert.ok(lines.E > 0 && lines.eventArgs > 0 && lines.equiv > 0, 'the fixtures exercise events, nesting and Equiv');

      // The conf's types are the schema the documents use: nothing had to be invented.
      assert.deepEqual(report.created.entityTypes, []);
      assert.deepEqual(report.created.eventTypes, []);
      assert.equal(report.schemaFiles.length, 2);
      const schema = project.schema.get();
      const protein = schema.entityTypes.find((t) => t.name === 'Protein')!;
      assert.ok(count(project, 'SELECT count(*) FROM mentions WHERE type_id = ?', protein.id) > 0);
      const catalysis = schema.eventTypes.find((t) => t.name === 'Catalysis')!;
      assert.deepEqual(catalysis.roles.map((r) => r.name).sort(), ['Cause', 'Theme']);
      // Usable: an analyst can mark a new Protein mention with it.
      const documentId = count(project, 'SELECT min(id) FROM documents');
      project.mentions.create({ documentId, start: 0, end: 1, typeId: protein.id });
    } finally {
      project.close();
    }
  });
});

describe('the shared doccano fixtures', () => {
  const doccano = 'fixtures/doccano';
  test('import with their labels and relations', { skip: missingShared(doccano) }, async () => {
    const project = await emptyProject();
    try {
      const report = await importBatch(project, { paths: [sharedFixture(doccano)], format: 'auto' });
      assert.deepEqual(report.errors, []);
      const labels = project.db
        .prepare(`SELECT t.name, substr(d.text, m.start + 1, m."end" - m.start) AS text FROM mentions m
                  JOIN entity_types t ON t.id = m.type_id JOIN documents d ON d.id = m.document_id ORDER BY m.id`)
        .all() as { name: string; text: string }[];
      assert.ok(labels.some((l) => l.name === 'ORG' && l.text === 'EU'));
      assert.ok(labels.some((l) => l.name === 'PERSON' && l.text === 'Larry Page'));
      const relations = project.db
        .prepare(`SELECT t.name, substr(d.text, f.start + 1, f."end" - f.start) AS head, substr(d.text, o.start + 1, o."end" - o.start) AS tail
                  FROM relations r JOIN relation_types t ON t.id = r.type_id JOIN mentions f ON f.id = r.from_mention_id
                  JOIN mentions o ON o.id = r.to_mention_id JOIN documents d ON d.id = r.document_id ORDER BY r.id`)
        .all();
      assert.deepEqual(relations, [
        { name: 'foundedAt', head: 'Google', tail: 'September 4, 1998' },
        { name: 'foundedBy', head: 'Google', tail: 'Larry Page' },
        { name: 'foundedBy', head: 'Google', tail: 'Sergey Brin' },
      ]);
      // DATE, MISC and PERSON are not in the default schema: made, with palette colours.
      assert.deepEqual(report.created.entityTypes.sort(), ['DATE', 'MISC', 'PERSON']);
      const person = project.schema.get().entityTypes.find((t) => t.name === 'PERSON')!;
      assert.ok(Object.values(LABEL_PALETTES).flat().includes(person.color));
    } finally {
      project.close();
    }
  });
});

describe('a mixed batch of good and bad files', () => {
  test('imports every good file, reports every bad one, and a second run adds nothing', async () => {
    const batch = writeMixedBatch(path.join(tempDir(), 'batch'));
    const project = await emptyProject();
    try {
      const report = await importBatch(project, { paths: [batch.dir], format: 'auto' });
      assert.equal(report.outcome, 'finished');
      assert.equal(report.counts.documents, batch.goodDocuments);
      for (const failure of batch.failures) {
        const line = report.errors.find((e) => path.basename(e.file) === failure.file);
        assert.ok(line, `${failure.file} is reported`);
        assert.match(line.reason, failure.reason);
      }
      assert.equal(report.errors.length, batch.failures.length, JSON.stringify(report.errors));
      assert.equal(report.errors.find((e) => e.file.endsWith('truncated.jsonl'))!.line, 3);

      const hostile = project.db.prepare("SELECT text FROM documents WHERE title = 'Embassy attacked'").pluck().get() as string;
      assert.ok(hostile.includes('Militants fired rockets'));
      assert.ok(!/alert|script|onerror|pwned/.test(hostile), 'no code in the stored text');

      const row = project.db.prepare('SELECT finished_at, report FROM import_batches WHERE id = ?').get(report.batchId) as {
        finished_at: string | null;
        report: string;
      };
      assert.ok(row.finished_at);
      assert.equal((JSON.parse(row.report) as { counts: { documents: number } }).counts.documents, batch.goodDocuments);

      const again = await importBatch(project, { paths: [batch.dir], format: 'auto' });
      assert.equal(again.counts.documents, 0);
      assert.equal(again.counts.duplicates, batch.goodDocuments);
      assert.equal(count(project, 'SELECT count(*) FROM documents'), batch.goodDocuments);
    } finally {
      project.close();
    }
  });
});

describe('search', () => {
  test('imported documents are found by search, and the index matches the documents exactly', async () => {
    // An import indexes its documents a group at a time rather than through the insert
    // trigger (migration 002): none may be missed, none indexed twice — not the duplicates
    // of a second run, not the records that failed, not the sample article beside them.
    const batch = writeMixedBatch(path.join(tempDir(), 'batch'));
    const project = await Project.create(path.join(tempDir(), 'p.spanlab'), { sample: true });
    try {
      await importBatch(project, { paths: [batch.dir], format: 'auto' });
      await importBatch(project, { paths: [batch.dir], format: 'auto' });
      project.documents.add({ text: 'Added by hand after the import, in Mosul.' });
      const search = (query: string) => project.documents.list({ query, offset: 0, limit: 10, status: undefined }).items.map((d) => d.title);
      assert.deepEqual(search('Geneva diplomats'), ['Talks resume in Geneva']);
      assert.deepEqual(search('Farouk'), ['pair']);
      assert.deepEqual(search('feed'), ['Line one of the feed.', 'Line two of the feed.']);
      assert.equal(search('Mosul').length, 1);
      // FTS5's own check, with the content compared: every row indexed exactly as stored.
      project.db.prepare("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)").run();
    } finally {
      project.close();
    }
  });
});

describe('what an import leaves alone', () => {
  test('documents are not put in the undo log', async () => {
    const batch = writeMixedBatch(path.join(tempDir(), 'batch'));
    const project = await emptyProject();
    try {
      const before = count(project, 'SELECT count(*) FROM actions');
      await importBatch(project, { paths: [batch.dir], format: 'auto' });
      assert.equal(count(project, 'SELECT count(*) FROM actions'), before);
      assert.equal(project.history.undo(null), null, 'nothing to undo');
    } finally {
      project.close();
    }
  });

  test('new rows never take the id of a deleted row that undo could bring back', async () => {
    const project = await emptyProject();
    const dir = tempDir();
    try {
      fs.writeFileSync(path.join(dir, 'a.jsonl'), '{"text": "Farouk met Ali.", "label": [[0, 6, "PER"]]}\n');
      await importBatch(project, { paths: [path.join(dir, 'a.jsonl')], format: 'auto' });
      const documentId = count(project, 'SELECT min(id) FROM documents');
      const typeId = project.schema.get().entityTypes[0]!.id;
      const added = project.mentions.create({ documentId, start: 11, end: 14, typeId });
      project.mentions.delete(added.id);

      fs.writeFileSync(path.join(dir, 'b.jsonl'), '{"text": "Ali met Farouk.", "label": [[0, 3, "PER"]]}\n');
      await importBatch(project, { paths: [path.join(dir, 'b.jsonl')], format: 'auto' });
      assert.ok(count(project, 'SELECT max(id) FROM mentions') > added.id);
      project.history.undo(documentId); // brings the deleted mention back under its own id
      assert.equal(project.mentions.get(added.id).start, 11);
    } finally {
      project.close();
    }
  });
});

describe("Spanlab's own export", () => {
  test('imports losslessly: annotations, entities, status, and the schema of its header', async () => {
    const project = await emptyProject();
    const dir = tempDir();
    try {
      const schema = {
        ...DEFAULT_SCHEMA,
        entityTypes: [...DEFAULT_SCHEMA.entityTypes, { name: 'SHIP', color: '#123456', hotkey: 'x', description: 'A ship.' }],
      };
      const line = writeSpanlabJsonlDocument({
        id: 'a',
        title: 'Convoy',
        text: 'The Argo sailed to Basra; it was attacked.',
        source: 'wire',
        metadata: { desk: 'gulf' },
        status: 'done',
        note: 'checked twice',
        mentions: [
          { id: 'M1', start: 4, end: 8, label: 'SHIP', text: 'Argo', attributes: { level: 'NAM' }, note: '', entity: 'N1' },
          { id: 'M2', start: 26, end: 28, label: 'SHIP', text: 'it', attributes: {}, note: 'pronoun', entity: 'N1' },
          { id: 'M3', start: 33, end: 41, label: null, text: 'attacked', attributes: {}, note: '', entity: null },
          { id: 'M4', start: 19, end: 24, label: 'GPE', text: 'Basra', attributes: {}, note: '', entity: null },
        ],
        entities: [{ id: 'N1', name: 'Argo', label: 'SHIP', aliases: ['the Argo'], externalId: 'Q1' }],
        events: [
          { id: 'V1', type: 'Conflict.Attack', trigger: 'M3', arguments: [{ role: 'Target', mention: 'M2' }], attributes: { realis: 'actual' }, note: '' },
        ],
        relations: [{ id: 'R1', type: 'PHYS', from: 'M1', to: 'M4', attributes: {}, note: '' }],
      });
      fs.writeFileSync(path.join(dir, 'export.jsonl'), writeSpanlabJsonlHeader(schema) + line);
      const report = await importBatch(project, { paths: [path.join(dir, 'export.jsonl')], format: 'auto' });
      assert.deepEqual(report.errors, []);
      const ship = project.schema.get().entityTypes.find((t) => t.name === 'SHIP')!;
      assert.deepEqual([ship.color, ship.hotkey], ['#123456', 'x'], 'the header schema, colours and keys included');

      const id = count(project, 'SELECT min(id) FROM documents');
      const document = project.documents.get(id);
      assert.deepEqual([document.status, document.note, document.metadata], ['done', 'checked twice', { desk: 'gulf' }]);
      assert.equal(document.mentions.length, 4);
      assert.equal(document.entities.length, 1);
      assert.deepEqual([document.entities[0]!.externalId, document.entities[0]!.aliases], ['Q1', ['the Argo']]);
      assert.equal(document.mentions.filter((m) => m.entityId === document.entities[0]!.id).length, 2);
      assert.equal(document.events.length, 1);
      assert.deepEqual(document.events[0]!.attributes, { realis: 'actual' });
      assert.equal(document.relations.length, 1);
      assert.equal(document.mentions.find((m) => m.start === 26)!.note, 'pronoun');
    } finally {
      project.close();
    }
  });

  test('one entity stays one across a file written in several transactions', async () => {
    // More documents than one transaction takes (500 at most): the later ones must link to
    // the entity row the first transaction wrote, not make another.
    const project = await emptyProject();
    const dir = tempDir();
    try {
      const records = Array.from({ length: 1_200 }, (_, i) =>
        writeSpanlabJsonlDocument({
          id: `d${i}`,
          title: '',
          text: `The Argo sailed, report ${i}.`,
          source: '',
          metadata: {},
          status: 'todo',
          note: '',
          mentions: [{ id: 'M1', start: 4, end: 8, label: 'ORG', text: 'Argo', attributes: {}, note: '', entity: 'N1' }],
          entities: [{ id: 'N1', name: 'Argo', label: 'ORG', aliases: [], externalId: null }],
          events: [],
          relations: [],
        }),
      );
      fs.writeFileSync(path.join(dir, 'export.jsonl'), records.join(''));
      const report = await importBatch(project, { paths: [path.join(dir, 'export.jsonl')], format: 'auto' });
      assert.deepEqual(report.errors, []);
      assert.equal(report.counts.documents, 1_200);
      assert.equal(count(project, 'SELECT count(*) FROM entities'), 1);
      assert.equal(count(project, 'SELECT count(*) FROM mentions WHERE entity_id = (SELECT id FROM entities)'), 1_200);
    } finally {
      project.close();
    }
  });
});

// Found by the import fuzz test (test/unit/reliability/importFuzz.test.ts): labels were
// looked up as written but stored trimmed, so "PER " beside PER, or "" beside " ", clashed
// with the unique name and the record was not stored at all.
describe('labels that differ only in white space', () => {
  test('are one type, and every record is stored', async () => {
    const project = await Project.create(path.join(tempDir(), 'p.spanlab'), { sample: false });
    const dir = tempDir();
    const text = 'Farouk Ali fired rockets at the embassy in Baghdad.';
    const records = [
      { text, label: [[0, 6, 'PER ']] },
      { text: `${text} Again.`, label: [[0, 6, ' per'], [7, 10, '']] },
      { text: `${text} Once more.`, entities: [{ id: 1, start_offset: 17, end_offset: 24, label: ' ' }], relations: [] },
      { text: `${text} And again.`, spans: [{ start: 0, end: 6, label: 'ORG' }, { start: 7, end: 10, label: 'ORG\t' }] },
    ];
    fs.writeFileSync(path.join(dir, 'labels.jsonl'), records.map((r) => JSON.stringify(r)).join('\n'));
    const report = await importBatch(project, { paths: [dir], format: 'auto' });
    assert.deepEqual(report.errors, []);
    assert.equal(report.counts.documents, 4);
    assert.equal(count(project, 'SELECT count(*) FROM mentions'), 6);
    // PER and ORG are the default schema's; the empty labels are one new type.
    assert.deepEqual(report.created.entityTypes, ['(unnamed)']);
    project.close();
  });
});
