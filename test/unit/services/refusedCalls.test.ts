// Every call of the contract, given payloads that are malformed (wrong types, missing or
// extra fields, a 10 MB string, negative numbers) or well-formed but wrong for the project
// (offsets past the text, reversed spans, ids of another document's mention, unknown ids,
// duplicates): each must be answered with a typed error and leave the project file, its
// change log and the settings exactly as they were.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import type { CallName } from '../../../common/contract';
import { CALL_NAMES, callInputs } from '../../../common/contract';
import { ERROR_CODES } from '../../../common/errors';
import { dispatch } from '../../../main/api/dispatch';
import { Workspace } from '../../../main/services/workspace';
import { dumpDatabase, roleId, spanOf, tempDir, typeId } from '../../support/projectFixture';

const HUGE = 'x'.repeat(10 * 1024 * 1024);
const role = (name: string) => ({ name, accepts: [] as number[], repeatable: false });
const MISSING = 999_999;

describe('refused calls change nothing', () => {
  const dir = tempDir();
  const settingsDir = path.join(dir, 'settings');
  const workspace = new Workspace({ settingsDir, mode: 'serve', version: 'test' });
  const ids = {} as Record<string, number>;
  const textFile = path.join(dir, 'notes.spanlab');
  const projectFile = path.join(dir, 'project.spanlab');

  before(async () => {
    await workspace.createProject(projectFile, true);
    const project = workspace.requireProject();
    const text = project.documents.get(1).text;
    ids.doc = 1;
    ids.length = Array.from(text).length;
    ids.otherDoc = project.documents.add({ text: 'Police arrested a man in Basra on Friday.', title: 'Other' }).id;
    ids.per = typeId(project, 'entity', 'PER');
    ids.fac = typeId(project, 'entity', 'FAC');
    ids.attack = typeId(project, 'event', 'Conflict.Attack');
    ids.place = roleId(project, 'Conflict.Attack', 'Place');
    ids.meetEntity = roleId(project, 'Contact.Meet', 'Entity');
    ids.partWhole = typeId(project, 'relation', 'PART-WHOLE');
    const embassy = spanOf(text, 'the US embassy in Baghdad');
    ids.mention = project.mentions.create({ documentId: 1, ...embassy, typeId: ids.fac }).id;
    ids.mention2 = project.mentions.create({ documentId: 1, ...spanOf(text, 'Baghdad', 100), typeId: ids.fac }).id;
    ids.otherMention = project.mentions.create({ documentId: ids.otherDoc, start: 0, end: 6, typeId: ids.per }).id;
    const created = project.events.create({ documentId: 1, typeId: ids.attack, trigger: spanOf(text, 'fired') });
    ids.event = created.event.id;
    ids.trigger = created.trigger.id;
    const arrest = typeId(project, 'event', 'Justice.Arrest-Jail');
    const trigger = { start: 7, end: 15 };
    ids.otherEvent = project.events.create({ documentId: ids.otherDoc, typeId: arrest, trigger }).event.id;
    project.arguments.create({ eventId: ids.event, roleId: ids.place, target: { mentionId: ids.mention2 } });
    const link = { typeId: ids.partWhole, fromMentionId: ids.mention, toMentionId: ids.mention2 };
    ids.relation = project.relations.create(link).id;
    ids.entity = project.entities.create({ name: 'US embassy', typeId: ids.fac }).id;
    ids.realis = project.schema.get().attributes.find((a) => a.name === 'realis')!.id;
    fs.writeFileSync(textFile, 'an analyst\'s notes, not a project');
  });

  test('every call refuses malformed and wrong payloads with a typed error, touching nothing', async () => {
    const project = workspace.requireProject();
    const state = () => ({
      db: dumpDatabase(project.db),
      settings: fs.readFileSync(path.join(settingsDir, 'settings.json'), 'utf8'),
    });
    const initial = state();
    let checked = 0;
    for (const name of CALL_NAMES) {
      const payloads = [...malformed(name, valid(name, ids)), ...wrong(name, ids, { textFile, projectFile, dir })];
      assert.ok(payloads.length > 0, name);
      for (const payload of payloads) {
        const result = await dispatch(workspace.handlers, name, payload);
        const shown = () => JSON.stringify(payload, (_key, value) => (value === HUGE ? '<10 MB>' : value)).slice(
          0,
          300,
        );
        if (result.ok) assert.fail(`${name} accepted ${shown()}`);
        assert.ok(
          (ERROR_CODES as readonly string[]).includes(result.error.code),
          `${name}: unknown code ${result.error.code}`,
        );
        if (result.error.code === 'internal') assert.fail(`${name} ${shown()}: ${result.error.message}`);
        checked++;
      }
      assert.deepEqual(state(), initial, `${name} changed the project or the settings`);
      assert.equal(workspace.current()?.path, projectFile, `${name} closed the project`);
    }
    assert.ok(checked > 300, `${checked} payloads`);
  });
});

// A payload each call accepts, the base that malformed() breaks field by field.
function valid(name: CallName, ids: Record<string, number>): Record<string, unknown> {
  const payloads: Record<CallName, Record<string, unknown>> = {
    'app.info': {},
    'project.current': {},
    'project.open': { path: '/tmp/x.spanlab' },
    'project.create': { path: '/tmp/x.spanlab', sample: true },
    'project.recent': {},
    'project.pickPath': { mode: 'open' },
    'project.stats': {},
    'documents.list': { offset: 0, limit: 10, status: 'todo', query: 'rockets' },
    'documents.get': { id: ids.doc },
    'documents.setStatus': { id: ids.doc, status: 'done' },
    'documents.setNote': { id: ids.doc, note: 'n' },
    'mentions.create': { documentId: ids.doc, start: 0, end: 6, typeId: ids.per, attributes: { level: 'NAM' } },
    'mentions.update': { id: ids.mention, start: 1, end: 5, typeId: ids.per, entityId: ids.entity, note: '' },
    'mentions.delete': { id: ids.mention },
    'events.create': { documentId: ids.doc, typeId: ids.attack, trigger: { start: 0, end: 6 }, attributes: {} },
    'events.update': { id: ids.event, typeId: ids.attack, attributes: {}, note: '' },
    'events.delete': { id: ids.event },
    'arguments.create': { eventId: ids.event, roleId: ids.place, target: { start: 0, end: 6, typeId: null } },
    'arguments.delete': { id: 1 },
    'relations.create': { typeId: ids.partWhole, fromMentionId: ids.mention, toMentionId: ids.mention2 },
    'relations.delete': { id: ids.relation },
    'entities.list': { query: 'US', limit: 10 },
    'entities.create': { name: 'E', typeId: ids.per, aliases: ['e'], externalId: null },
    'entities.update': { id: ids.entity, name: 'E', typeId: null, aliases: [], externalId: 'Q1' },
    'entities.delete': { id: ids.entity },
    'entities.mentions': { id: ids.entity },
    'history.undo': { documentId: ids.doc },
    'history.redo': { documentId: null },
    'schema.get': {},
    'schema.saveEntityType': { name: 'NORP', color: '#000000', hotkey: null, description: '' },
    'schema.saveEventType': { name: 'E.X', color: '#000000', hotkey: null, roles: [role('R')] },
    'schema.saveRelationType': { name: 'R', color: '#000000', hotkey: null },
    'schema.saveAttribute': { target: 'mention', name: 'flag', values: [], defaultValue: null },
    'schema.delete': { kind: 'entityType', id: ids.per, force: false },
    'schema.importBratConf': { text: '[entities]\nNORP\n' },
    'schema.exportBratConf': {},
    'import.start': { paths: ['/tmp/x'], format: 'auto', textField: 'text', titleField: 'title' },
    'import.files': { files: [{ name: 'a.txt', data: 'QQ==' }], format: 'txt' },
    'import.cancel': { jobId: 'j' },
    'import.status': { jobId: 'j' },
    'import.pickPaths': { kind: 'files' },
    'export.start': { format: 'conll', out: '/tmp/x.conll', status: 'done', labels: ['PER'], split: { train: 80, dev: 10, test: 10 }, seed: 1 },
    'export.cancel': { jobId: 'j' },
    'export.status': { jobId: 'j' },
    'export.pickPath': { format: 'brat', split: false },
    'export.batches': {},
    'backups.list': {},
    'backups.create': {},
    'backups.restore': { file: '/tmp/x.spanlab' },
  };
  return payloads[name];
}

// Breaks a valid payload: the whole of it, then each field in turn. Only payloads the
// contract's schema refuses are kept, so each one is genuinely malformed.
function malformed(name: CallName, base: Record<string, unknown>): unknown[] {
  const longKey = 'k'.repeat(5000);
  const candidates: unknown[] = [42, 'text', [], true, HUGE, { ...base, unexpected: 1 }, { ...base, [longKey]: HUGE }];
  for (const [key, value] of Object.entries(base)) {
    const { [key]: _dropped, ...rest } = base;
    candidates.push(rest);
    for (const replacement of [HUGE, -1, 1.5, 2 ** 53, '1', null, {}, [], true, { start: 5, end: 1 }]) {
      if (replacement !== value) candidates.push({ ...base, [key]: replacement });
    }
  }
  if ('start' in base && 'end' in base) candidates.push({ ...base, start: 9, end: 3 }, { ...base, start: -5, end: 3 });
  const schema = callInputs[name];
  return candidates.filter((payload) => !schema.safeParse(payload ?? {}).success);
}

// Well-formed payloads the services must refuse against this project.
function wrong(
  name: CallName,
  ids: Record<string, number>,
  files: { textFile: string; projectFile: string; dir: string },
): unknown[] {
  const past = ids.length! + 1;
  const none = MISSING;
  const byCall: Partial<Record<CallName, unknown[]>> = {
    'project.open': [
      { path: path.join(files.dir, 'missing.spanlab') },
      { path: files.dir },
      { path: files.textFile },
    ],
    'project.create': [
      { path: files.projectFile, sample: true },
      { path: files.textFile, sample: false },
      { path: path.join(files.dir, 'no', 'such', 'folder', 'p.spanlab'), sample: true },
    ],
    'project.pickPath': [{ mode: 'open' }, { mode: 'create' }],
    'import.cancel': [{ jobId: 'no-such-import' }],
    'import.status': [{ jobId: 'no-such-import' }],
    'import.pickPaths': [{ kind: 'files' }, { kind: 'folder' }],
    'export.cancel': [{ jobId: 'no-such-export' }],
    'export.status': [{ jobId: 'no-such-export' }],
    'export.pickPath': [{ format: 'conll', split: true }],
    // Only a file backups.list names may be restored: never the project, another file, a
    // look-alike name in the backups folder.
    'backups.restore': [
      { file: files.projectFile },
      { file: files.textFile },
      { file: '/etc/passwd' },
      { file: path.join(files.dir, 'project.backups', 'project.2024-01-01T00-00-00-000Z.manual.spanlab') },
    ],
    'documents.get': [{ id: none }],
    'documents.setStatus': [{ id: none, status: 'done' }],
    'documents.setNote': [{ id: none, note: 'x' }],
    'mentions.create': [
      { documentId: ids.doc, start: 0, end: past, typeId: null },
      { documentId: ids.doc, start: past, end: past + 3, typeId: null },
      { documentId: none, start: 0, end: 3, typeId: null },
      { documentId: ids.doc, start: 0, end: 3, typeId: none },
      { documentId: ids.doc, start: 0, end: 3, typeId: null, attributes: { level: 'XYZ' } },
      { documentId: ids.doc, start: 0, end: 3, typeId: null, attributes: { unknown: true } },
    ],
    'mentions.update': [
      { id: none, note: 'x' },
      { id: ids.mention, end: past },
      { id: ids.mention, start: 10_000 },
      { id: ids.mention, start: 5, end: 5 },
      { id: ids.mention, typeId: none },
      { id: ids.mention, entityId: none },
      { id: ids.mention, attributes: { level: true } },
    ],
    'mentions.delete': [{ id: none }],
    'events.create': [
      { documentId: ids.doc, typeId: none, trigger: { start: 0, end: 3 } },
      { documentId: ids.doc, typeId: ids.attack, trigger: { mentionId: ids.otherMention } },
      { documentId: ids.doc, typeId: ids.attack, trigger: { mentionId: none } },
      { documentId: ids.doc, typeId: ids.attack, trigger: { start: 0, end: past } },
      { documentId: none, typeId: ids.attack, trigger: { start: 0, end: 3 } },
      { documentId: ids.doc, typeId: ids.attack, trigger: { start: 0, end: 3 }, attributes: { realis: 'maybe' } },
    ],
    'events.update': [
      { id: none, note: 'x' },
      { id: ids.event, typeId: none },
      { id: ids.event, attributes: { polarity: 'neutral' } },
    ],
    'events.delete': [{ id: none }],
    'arguments.create': [
      { eventId: none, roleId: ids.place, target: { mentionId: ids.mention } },
      { eventId: ids.event, roleId: none, target: { mentionId: ids.mention } },
      { eventId: ids.event, roleId: ids.meetEntity, target: { mentionId: ids.mention } },
      { eventId: ids.event, roleId: ids.place, target: { mentionId: ids.mention } }, // Place is already filled
      { eventId: ids.event, roleId: ids.place, target: { mentionId: ids.otherMention } },
      { eventId: ids.event, roleId: ids.place, target: { eventId: ids.otherEvent } },
      { eventId: ids.event, roleId: ids.place, target: { eventId: ids.event } },
      { eventId: ids.event, roleId: ids.place, target: { start: 0, end: past, typeId: null } },
      { eventId: ids.event, roleId: ids.place, target: { start: 0, end: 3, typeId: none } },
    ],
    'arguments.delete': [{ id: none }],
    'relations.create': [
      { typeId: none, fromMentionId: ids.mention, toMentionId: ids.mention2 },
      { typeId: ids.partWhole, fromMentionId: ids.mention, toMentionId: ids.otherMention },
      { typeId: ids.partWhole, fromMentionId: ids.mention, toMentionId: ids.mention },
      { typeId: ids.partWhole, fromMentionId: ids.mention, toMentionId: ids.mention2 }, // exists
      { typeId: ids.partWhole, fromMentionId: none, toMentionId: ids.mention2 },
    ],
    'relations.delete': [{ id: none }],
    'entities.create': [{ name: 'X', typeId: none }],
    'entities.update': [{ id: none, name: 'X' }, { id: ids.entity, typeId: none }],
    'entities.delete': [{ id: none }],
    'entities.mentions': [{ id: none }],
    'schema.saveEntityType': [
      { name: 'per', color: '#000000', hotkey: null },
      { name: 'NEW', color: '#000000', hotkey: '1' },
      { name: 'NEW', color: '#000000', hotkey: 'A' }, // Conflict.Attack has 'a'
      { id: none, name: 'NEW', color: '#000000', hotkey: null },
      { id: ids.per, name: 'ORG', color: '#000000', hotkey: '1' },
    ],
    'schema.saveEventType': [
      { name: 'Conflict.Attack', color: '#000000', hotkey: null, roles: [] },
      { name: 'New', color: '#000000', hotkey: null, roles: [{ ...role('R'), accepts: [none] }] },
      { name: 'New', color: '#000000', hotkey: null, roles: [{ ...role('R'), id: ids.place }] },
      { name: 'New', color: '#000000', hotkey: null, roles: [role('R'), role('r')] },
      { id: ids.attack, name: 'Conflict.Attack', color: '#000000', hotkey: 'a', roles: [] }, // Place is in use
      { id: none, name: 'New', color: '#000000', hotkey: null, roles: [] },
    ],
    'schema.saveRelationType': [
      { name: 'part-whole', color: '#000000', hotkey: null },
      { id: none, name: 'New', color: '#000000', hotkey: null },
      { name: 'New', color: '#000000', hotkey: '5' },
    ],
    'schema.saveAttribute': [
      { id: none, target: 'event', name: 'x', values: [], defaultValue: null },
      { target: 'event', name: 'Realis', values: [], defaultValue: null },
      { target: 'event', name: 'x', values: ['a', 'a'], defaultValue: null },
      { target: 'event', name: 'x', values: ['a', 'b'], defaultValue: 'c' },
      { id: ids.realis, target: 'mention', name: 'realis', values: [], defaultValue: null },
    ],
    'schema.delete': [
      { kind: 'entityType', id: none, force: true },
      { kind: 'eventType', id: none, force: true },
      { kind: 'relationType', id: none, force: true },
      { kind: 'attribute', id: none, force: true },
    ],
  };
  return byCall[name] ?? [];
}
