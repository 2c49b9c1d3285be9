import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { DEFAULT_SCHEMA } from '../../../core/defaultSchema';
import { SAMPLE_TEXT, SAMPLE_TITLE } from '../../../core/sampleArticle';
import { SCHEMA_VERSION } from '../../../db/schema';
import { Project } from '../../../main/services/project';
import { addText, newProject, spanOf, tempDir, typeId } from '../../support/projectFixture';

describe('projects', () => {
  test('a sample project has the default schema and the sample article', async () => {
    const { project, file } = await newProject({ sample: true });
    assert.deepEqual(project.info(), { path: file, name: 'test', schemaVersion: SCHEMA_VERSION, documentCount: 1 });
    const doc = project.documents.get(1);
    assert.equal(doc.title, SAMPLE_TITLE);
    assert.equal(doc.text, SAMPLE_TEXT);
    assert.equal(doc.blocks[0]!.kind, 'heading');
    for (const phrase of ['US embassy', 'the US embassy in Baghdad', 'fired', 'rockets', 'Baghdad']) assert.ok(
      doc.text.includes(phrase),
      phrase,
    );
    const words = SAMPLE_TEXT.split(/\s+/).filter(Boolean).length;
    assert.ok(words >= 200 && words <= 250, `${words} words`);
    const schema = project.schema.get();
    assert.equal(schema.entityTypes.length, DEFAULT_SCHEMA.entityTypes.length);
    assert.equal(schema.eventTypes.length, DEFAULT_SCHEMA.eventTypes.length);
    assert.equal(schema.relationTypes.length, DEFAULT_SCHEMA.relationTypes.length);
    assert.equal(project.db.prepare("SELECT value FROM project_meta WHERE key = 'name'").pluck().get(), 'test');
    // Seeding is where the project starts, not an action: nothing to undo.
    assert.equal(project.history.undo(null), null);
    project.close();
  });

  test('a project without the sample still gets the default schema', async () => {
    const { project } = await newProject({ sample: false });
    assert.equal(project.info().documentCount, 0);
    assert.deepEqual(
      project.schema.get().entityTypes.map((t) => t.name),
      ['PER', 'ORG', 'GPE', 'LOC', 'FAC', 'WEA', 'VEH', 'TIME', 'MONEY'],
    );
    project.close();
  });

  test('the default schema gives the first nine entity types the hotkeys 1 to 9', async () => {
    const { project } = await newProject({ sample: false });
    assert.deepEqual(
      project.schema.get().entityTypes.slice(0, 9).map((t) => t.hotkey),
      ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
    );
    const colours = project.schema.get().entityTypes.map((t) => t.color);
    assert.equal(new Set(colours).size, colours.length);
    for (const colour of colours) assert.match(colour, /^#[0-9A-Fa-f]{6}$/);
    const attack = project.schema.get().eventTypes.find((t) => t.name === 'Conflict.Attack')!;
    assert.deepEqual(attack.roles.map((r) => r.name), ['Attacker', 'Target', 'Instrument', 'Place', 'Time']);
    const meet = project.schema.get().eventTypes.find((t) => t.name === 'Contact.Meet')!;
    assert.equal(meet.roles.find((r) => r.name === 'Entity')?.repeatable, true);
    project.close();
  });

  test('stats count rows, annotations per label and documents per status', async () => {
    const { project } = await newProject({ sample: true });
    const text = project.documents.get(1).text;
    const fac = typeId(project, 'entity', 'FAC');
    project.mentions.create({ documentId: 1, ...spanOf(text, 'the US embassy in Baghdad'), typeId: fac });
    const gpe = typeId(project, 'entity', 'GPE');
    project.mentions.create({ documentId: 1, ...spanOf(text, 'Baghdad', 100), typeId: gpe });
    const attack = typeId(project, 'event', 'Conflict.Attack');
    project.events.create({ documentId: 1, typeId: attack, trigger: spanOf(text, 'fired') });
    project.entities.create({ name: 'US embassy in Baghdad', typeId: fac });
    addText(project, 'A second article.');
    project.documents.setStatus(1, 'done');
    const stats = project.stats();
    assert.equal(stats.documents, 2);
    assert.equal(stats.mentions, 3); // two typed, one trigger
    assert.equal(stats.events, 1);
    assert.equal(stats.entities, 1);
    assert.equal(stats.relations, 0);
    assert.equal(stats.perLabel.FAC, 1);
    assert.equal(stats.perLabel.GPE, 1);
    assert.equal(stats.perLabel.PER, 0);
    assert.equal(stats.perLabel['Conflict.Attack'], 1);
    assert.equal(stats.perLabel['PART-WHOLE'], 0);
    assert.deepEqual(stats.byStatus, { todo: 1, in_progress: 0, done: 1, skipped: 0 });
    project.close();
  });

  test('a project reopens with everything in it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'Iraq 2024.spanlab');
    const project = await Project.create(file, { sample: true });
    project.mentions.create({ documentId: 1, start: 0, end: 6, typeId: null });
    project.close();
    project.close(); // idempotent
    const reopened = await Project.open(file);
    assert.equal(reopened.info().name, 'Iraq 2024');
    assert.equal(reopened.stats().mentions, 1);
    reopened.close();
  });
});
