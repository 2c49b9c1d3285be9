// Reading a project for export page by page: what holds for the five documents of the
// export fixture must hold for a project many pages long, and for more linked entities
// than the reader keeps at once.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import type { ExportRequest } from '../../../../common/export';
import type { PortableDocument } from '../../../../core/formats/portableDocument';
import { readSpanlabJsonl } from '../../../../core/formats/spanlabJsonl';
import { openDatabase } from '../../../../db/openDatabase';
import { runExport } from '../../../../main/services/export/exportRunner';
import { labelIds, newProject, tempDir } from '../../../support/projectFixture';

const DOCUMENTS = 130;
/** Entities of each document's own, except the last document's, which are the first's again. */
const OWN = 100;

let file: string;
before(async () => {
  const made = await newProject({ sample: false });
  file = made.file;
  const { project } = made;
  const per = labelIds(project).entity('PER');
  const db = project.db;
  const entity = db.prepare('INSERT INTO entities (name, type_id) VALUES (?, ?)');
  const mention = db.prepare('INSERT INTO mentions (document_id, start, "end", type_id, entity_id) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    const shared = Number(entity.run('Shared', per).lastInsertRowid);
    const entities: number[] = [];
    for (let d = 0; d < DOCUMENTS; d++) {
      const last = d === DOCUMENTS - 1;
      // Every other document has the word "even", for the search.
      const head = d % 2 === 0 ? `Document${d} even` : `Document${d}`;
      const words = Array.from({ length: OWN }, (_, j) => `w${j}`);
      const id = project.documents.add({ text: `${head} ${words.join(' ')}`, title: `Document ${d}` }).id;
      mention.run(id, 0, `Document${d}`.length, per, shared);
      let start = head.length + 1;
      words.forEach((word, j) => {
        const linked = last ? entities[j]! : Number(entity.run(`Entity ${d}.${j}`, per).lastInsertRowid);
        if (!last) entities.push(linked);
        mention.run(id, start, start + word.length, per, linked);
        start += word.length + 1;
      });
    }
  })();
  project.close();
});

async function exported(request: Omit<ExportRequest, 'out' | 'format'>): Promise<PortableDocument[]> {
  const { db } = await openDatabase(file, { mode: 'inspect' });
  try {
    const out = path.join(tempDir(), 'out.jsonl');
    runExport(db, file, { format: 'spanlab-jsonl', out, ...request }, { progress() {}, cancelled: () => false });
    const { documents, errors } = readSpanlabJsonl(fs.readFileSync(out, 'utf8'));
    assert.deepEqual(errors, []);
    return documents;
  } finally {
    db.close();
  }
}

test('an entity has one id in every document, over many pages and more than 10,000 entities', async () => {
  const documents = await exported({});
  assert.equal(documents.length, DOCUMENTS);
  const idOf = new Map<string, string>();
  for (const d of documents) {
    for (const e of d.entities) {
      const id = idOf.get(e.name) ?? e.id;
      assert.equal(e.id, id, `${e.name} in ${d.title}`);
      idOf.set(e.name, id);
    }
    for (const m of d.mentions) assert.ok(d.entities.some((e) => e.id === m.entity), `${m.id} of ${d.title}`);
  }
  assert.equal(idOf.size, 1 + (DOCUMENTS - 1) * OWN);
  assert.equal(new Set(idOf.values()).size, idOf.size);
  // Numbered in the order the export meets them: the first document's, in text order.
  assert.deepEqual(documents[0]!.entities.map((e) => e.id).slice(0, 3), ['N1', 'N2', 'N3']);
  assert.deepEqual(documents[0]!.entities.map((e) => e.name).slice(0, 3), ['Shared', 'Entity 0.0', 'Entity 0.1']);
  // The last document links the first one's entities, met more than 10,000 entities earlier.
  assert.deepEqual(documents.at(-1)!.entities.map((e) => e.id), documents[0]!.entities.map((e) => e.id));
});

test('a search selects its matches on every page, in import order', async () => {
  const documents = await exported({ query: 'even' });
  const expected = Array.from({ length: DOCUMENTS }, (_, d) => `Document ${d}`).filter((_, d) => d % 2 === 0);
  assert.deepEqual(documents.map((d) => d.title), expected);
});
