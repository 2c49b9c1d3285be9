// What goes out comes back: a spanlab-jsonl export imported into an empty project exports
// to the same bytes, and brat corpora imported and exported again hold the same
// annotations (compared by content: types, offsets, texts, event arguments, relations,
// equivalences, attributes and notes — not ids).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { ExportReport, ExportRequest } from '../../../../common/export';
import { openDatabase } from '../../../../db/openDatabase';
import { runExport } from '../../../../main/services/export/exportRunner';
import { importBatch } from '../../../../main/services/import/batchImport';
import { Project } from '../../../../main/services/project';
import { exportFixture } from '../../../support/exportFixture';
import { labelIds, newProject, spanOf, tempDir } from '../../../support/projectFixture';
import { missingShared, sharedFixture } from '../../../support/sharedFixtures';

async function exportProject(file: string, request: ExportRequest): Promise<ExportReport> {
  const { db } = await openDatabase(file, { mode: 'inspect' });
  try {
    return runExport(db, file, request, { progress() {}, cancelled: () => false });
  } finally {
    db.close();
  }
}

async function importInto(paths: string[]): Promise<string> {
  const file = path.join(tempDir(), 'empty.spanlab');
  const project = await Project.create(file, { sample: false });
  try {
    const report = await importBatch(project, { paths, format: 'auto' });
    assert.equal(report.outcome, 'finished', JSON.stringify(report.errors));
    assert.deepEqual(report.errors, []);
  } finally {
    project.close();
  }
  return file;
}

test('spanlab-jsonl: export, import into an empty project, export again: the same bytes', async () => {
  const fixture = await exportFixture();
  fixture.project.close();
  const first = path.join(tempDir(), 'first.jsonl');
  await exportProject(fixture.file, { format: 'spanlab-jsonl', out: first });
  const copy = await importInto([first]);
  const second = path.join(tempDir(), 'second.jsonl');
  await exportProject(copy, { format: 'spanlab-jsonl', out: second });
  const [a, b] = [fs.readFileSync(first), fs.readFileSync(second)];
  assert.ok(a.equals(b), firstDifference(a.toString('utf8'), b.toString('utf8')));
});

for (const corpus of ['bionlp-epi', 'conll02-esp']) {
  const relative = `fixtures/brat/${corpus}`;
  test(`brat ${corpus}: import, export: the same annotations as the input`, { skip: missingShared(relative) }, async () => {
    const input = sharedFixture(relative);
    const project = await importInto([input]);
    const out = path.join(tempDir(), 'brat');
    const report = await exportProject(project, { format: 'brat', out });
    const written = new Map<string, string>();
    for (const name of fs.readdirSync(out).filter((n) => n.endsWith('.txt'))) {
      written.set(fs.readFileSync(path.join(out, name), 'utf8'), name.replace(/\.txt$/, '.ann'));
    }
    const inputs = fs.readdirSync(input).filter((n) => n.endsWith('.txt'));
    assert.equal(report.documents, inputs.length);
    for (const name of inputs) {
      const text = fs.readFileSync(path.join(input, name), 'utf8');
      const exported = written.get(text);
      assert.ok(exported, `${name}: no exported document has its text`);
      const before = annotationSet(fs.readFileSync(path.join(input, name.replace(/\.txt$/, '.ann')), 'utf8'));
      const after = annotationSet(fs.readFileSync(path.join(out, exported), 'utf8'));
      assert.deepEqual([...after].sort(), [...before].sort(), name);
    }
  });
}

test('brat: a mention across a line break goes out as fragments and comes back as the same mention', async () => {
  const { project, file } = await newProject({ sample: false });
  const ids = labelIds(project);
  const text = 'Rockets hit the Green \r\nZone on Friday.\nAcme\n\tShipping said so.';
  const documentId = project.documents.add({ text, title: 'breaks' }).id;
  const mention = (phrase: string, type: string) =>
    project.mentions.create({ documentId, ...spanOf(text, phrase), typeId: ids.entity(type) });
  const zone = mention('Green \r\nZone', 'FAC');
  mention('Acme\n\tShipping', 'ORG');
  mention('Friday', 'TIME');
  const { event } = project.events.create({ documentId, typeId: ids.event('Conflict.Attack'), trigger: spanOf(text, 'hit') });
  project.arguments.create({ eventId: event.id, roleId: ids.role('Conflict.Attack', 'Target'), target: { mentionId: zone.id } });
  project.close();

  const out = path.join(tempDir(), 'brat');
  const report = await exportProject(file, { format: 'brat', out });
  assert.deepEqual(report.issues, []);
  const ann = fs.readFileSync(path.join(out, fs.readdirSync(out).find((n) => n.endsWith('.ann'))!), 'utf8');
  // brat's own form: the text on each side of the break, without the whitespace around it.
  const green = spanOf(text, 'Green');
  const acme = spanOf(text, 'Acme');
  assert.match(ann, new RegExp(`\tFAC ${green.start} ${green.end};${green.end + 3} ${green.end + 7}\tGreen Zone\n`));
  assert.match(ann, new RegExp(`\tORG ${acme.start} ${acme.end};${acme.end + 2} ${acme.end + 10}\tAcme Shipping\n`));

  // Imported again, each is one mention with its own offsets, linked to no entity, and
  // still the event's target.
  const copy = await importInto([out]);
  const annotations = async (project: string) => {
    const jsonl = path.join(tempDir(), 'all.jsonl');
    await exportProject(project, { format: 'spanlab-jsonl', out: jsonl });
    const document = JSON.parse(fs.readFileSync(jsonl, 'utf8').trim().split('\n')[1]!) as Record<string, unknown>;
    return { mentions: document.mentions, entities: document.entities, events: document.events };
  };
  assert.deepEqual(await annotations(copy), await annotations(file));
});

// --- brat annotations by content ---------------------------------------------------------

// Each annotation of an .ann file as a string naming what it is and what it points at by
// content (type and offsets), so that two files with different ids compare equal.
function annotationSet(ann: string): Set<string> {
  const spans = new Map<string, string>();
  const events = new Map<string, { type: string; trigger: string; args: [string, string][] }>();
  const lines = ann.split('\n').filter((l) => l.trim() !== '');
  for (const line of lines) {
    const [id, body = '', text = ''] = line.split('\t');
    if (id!.startsWith('T')) {
      const [type, ...offsets] = body.split(' ');
      spans.set(id!, `${type} ${offsets.join(' ')} ${JSON.stringify(text)}`);
    } else if (id!.startsWith('E')) {
      const [head, ...args] = body.trim().split(' ');
      const [type, trigger] = head!.split(':') as [string, string];
      events.set(id!, { type, trigger, args: args.map((a) => a.split(':') as [string, string]) });
    }
  }
  const describe = (id: string): string => {
    const span = spans.get(id);
    if (span) return span;
    const event = events.get(id);
    return event ? `event ${event.type} at ${spans.get(event.trigger)}` : `missing ${id}`;
  };
  const set = new Set<string>([...spans.values()].map((s) => `T ${s}`));
  for (const [id, event] of events) {
    const args = event.args.map(([role, target]) => `${role.replace(/\d+$/, '')}=${describe(target)}`).sort();
    set.add(`E ${describe(id)} [${args.join('; ')}]`);
  }
  const equivalent = new UnionFind();
  for (const line of lines) {
    const [id, body = '', text = ''] = line.split('\t');
    const parts = body.split(' ');
    if (id!.startsWith('R')) set.add(`R ${parts[0]} ${describe(parts[1]!.split(':')[1]!)} → ${describe(parts[2]!.split(':')[1]!)}`);
    else if (id === '*') parts.slice(2).forEach((t) => equivalent.join(parts[1]!, t));
    else if (id!.startsWith('A') || id!.startsWith('M')) set.add(`A ${parts[0]} ${describe(parts[1]!)} ${parts[2] ?? ''}`);
    else if (id!.startsWith('#')) set.add(`# ${describe(parts[1]!)} ${text}`);
    else if (id!.startsWith('N')) set.add(`N ${describe(parts[1]!)} ${parts[2]}`);
  }
  for (const group of equivalent.groups()) set.add(`* ${group.map(describe).sort().join(' = ')}`);
  return set;
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  join(a: string, b: string): void {
    this.parent.set(this.find(a), this.find(b));
  }
  find(a: string): string {
    const p = this.parent.get(a) ?? a;
    if (p === a) return a;
    const root = this.find(p);
    this.parent.set(a, root);
    return root;
  }
  groups(): string[][] {
    const byRoot = new Map<string, string[]>();
    for (const key of this.parent.keys()) byRoot.set(this.find(key), []);
    for (const key of new Set([...this.parent.keys(), ...this.parent.values()])) byRoot.get(this.find(key))?.push(key);
    return [...byRoot.values()];
  }
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `first difference at ${i}:\n${a.slice(Math.max(0, i - 120), i + 120)}\n---\n${b.slice(Math.max(0, i - 120), i + 120)}`;
}
