// Payloads for the contract fuzz test (test/unit/reliability/contractFuzz.test.ts), in
// three kinds, each wrong by construction so that "refused, and nothing changed" is the
// only right answer:
//   - malformed: a well-formed payload broken at one place (a field dropped, of the wrong
//     type, a 10 MB string, an unknown key, offsets reversed or negative), kept only when
//     the contract's own schema refuses it;
//   - poisoned: well-formed, every field drawn from the project's real rows (ids of both
//     documents, of every table) or from anywhere, but one field that cannot work against
//     this project: an id no row has, a mention of the other document, an offset past the
//     text, a name or hotkey already taken, a path that is no project;
//   - for calls that only read, any well-formed payload: answered or refused, never a change.
// Calls absent from both tables (starting an import or an export, a backup: a well-formed
// payload does something) get malformed payloads only.

import fc from 'fast-check';
import type { CallName } from '../../common/contract';
import { IMPORT_FORMATS } from '../../common/importReport';
import { DOCUMENT_STATUSES } from '../../common/model';

/** The rows and files of the fixture project the payloads aim at. */
export interface Target {
  doc: number;
  otherDoc: number;
  /** Text lengths, in code points, of `doc` and `otherDoc`. */
  length: number;
  otherLength: number;
  /** Mentions of `doc` (and where `mention` ends), and one of `otherDoc`. */
  mention: number;
  mentionEnd: number;
  mention2: number;
  otherMention: number;
  /** A Conflict.Attack event of `doc` (its Place role filled), one of `otherDoc`. */
  event: number;
  otherEvent: number;
  relation: number;
  entity: number;
  per: number;
  fac: number;
  attack: number;
  place: number;
  meetEntity: number;
  partWhole: number;
  realis: number;
  /** Every id above, and a few small numbers: ids of any table. */
  rows: number[];
  dir: string;
  projectFile: string;
  textFile: string;
}

/** Stands for a 10 MB string; the test swaps it in before sending, and prints it as is. */
export const HUGE = '<10 MB string>';

/** An id no row of any table has. */
export const missing = fc.integer({ min: 1_000_000, max: Number.MAX_SAFE_INTEGER });

const str = (max: number) => fc.string({ maxLength: max });
const label = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0);
const color = fc.constantFrom('#000000', '#A1B2C3', '#ffffff');
const freeHotkey = fc.constantFrom(null, 'q', 'z', 'Q');
const unknownAttributes = fc.string({ maxLength: 8 }).map((s) => ({ [`zz-${s}`]: true }));
const jobId = fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 100 }));
/** A file name in a folder that does not exist: never `..`, which could lead back to a real file. */
const nowhere = (dir: string) => fc.string({ minLength: 1, maxLength: 30 }).map((s) => `${dir}/no/such/folder/${s.replace(/[./\\]/g, '_')}`);

/// Well-formed payloads of calls that only read, by call.
export function readOnlyPayloads(t: Target): Partial<Record<CallName, fc.Arbitrary<unknown>>> {
  const anyId = ids(t);
  return {
    'app.info': fc.constant({}),
    'project.current': fc.constant({}),
    'project.recent': fc.constant({}),
    'project.stats': fc.constant({}),
    'project.pickPath': fc.record({ mode: fc.constantFrom('open', 'create') }),
    'documents.list': fc.record(
      {
        offset: fc.integer({ min: 0, max: 10_000_000 }),
        limit: fc.integer({ min: 1, max: 500 }),
        status: fc.constantFrom(...DOCUMENT_STATUSES),
        // Full-text search syntax in every form: quotes, operators, brackets, stars.
        query: fc.oneof(str(60), fc.constantFrom('"', 'AND', 'NOT x', '(a OR', 'a*', 'NEAR(a b)', '^x', 'col:x', "'", '-')),
      },
      { requiredKeys: ['offset', 'limit'] },
    ),
    'documents.get': fc.record({ id: anyId }),
    'entities.list': fc.record({ query: str(200), limit: fc.integer({ min: 1, max: 500 }) }, { requiredKeys: ['limit'] }),
    'entities.mentions': fc.record({ id: anyId }),
    'history.undo': fc.record({ documentId: missing }),
    'history.redo': fc.record({ documentId: missing }),
    'schema.get': fc.constant({}),
    'schema.exportBratConf': fc.constant({}),
    'schema.importBratConf': fc.record({ text: mergesNothing() }),
    'import.cancel': fc.record({ jobId }),
    'import.status': fc.record({ jobId }),
    'import.pickPaths': fc.record({ kind: fc.constantFrom('files', 'folder') }),
    'export.cancel': fc.record({ jobId }),
    'export.status': fc.record({ jobId }),
    'export.pickPath': fc.record({ format: fc.constantFrom('conll', 'brat', 'spanlab-jsonl'), split: fc.boolean() }),
    'export.batches': fc.constant({}),
    'backups.list': fc.constant({}),
  };
}

/// Well-formed payloads that cannot work against the project, by call.
export function poisonedPayloads(t: Target): Partial<Record<CallName, fc.Arbitrary<unknown>>> {
  const anyId = ids(t);
  const maybeNull = fc.oneof(fc.constant(null), anyId);
  const span = (max: number) =>
    fc
      .tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max }))
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));
  const inside = span(Math.min(t.length, t.otherLength));
  // A span of one of the documents that runs past its end.
  const pastEnd = fc.constantFrom([t.doc, t.length], [t.otherDoc, t.otherLength]).chain(([documentId, length]) =>
    fc.record({
      documentId: fc.constant(documentId),
      start: fc.integer({ min: 0, max: length }),
      end: fc.integer({ min: length + 1, max: 2 ** 31 - 1 }),
    }),
  );
  const any = { attributes: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.oneof(str(8), fc.boolean()), { maxKeys: 2 }) };
  const typeSave = (kind: 'entity' | 'relation') => {
    const taken = kind === 'entity' ? ['PER', 'per', 'Fac', 'GPE'] : ['PART-WHOLE', 'phys', 'Part-Whole'];
    // A type renamed to another's name.
    const renames: [number, string][] = kind === 'entity' ? [[t.per, 'fac'], [t.per, 'GPE'], [t.fac, 'Per']] : [[t.partWhole, 'phys']];
    const base = { color, description: str(50) };
    return fc.oneof(
      fc.record({ id: missing, name: label, hotkey: freeHotkey, ...base }),
      fc.record({ name: fc.constantFrom(...taken), hotkey: freeHotkey, ...base }),
      fc
        .record({ rename: fc.constantFrom(...renames), hotkey: freeHotkey, ...base })
        .map(({ rename: [id, name], ...rest }) => ({ id, name, ...rest })),
      // Keys of other labels: 1 is PER's, a is Conflict.Attack's.
      fc.record({ name: label.map((n) => `New ${n}`), hotkey: fc.constantFrom('1', 'A', 'a'), ...base }),
    );
  };
  const role = fc.record({ name: label, accepts: fc.array(fc.constantFrom(t.per, t.fac), { maxLength: 2 }), repeatable: fc.boolean() });
  const newEvent = { color, hotkey: freeHotkey, description: str(50) };
  const newName = label.map((n) => `new ${n}`);
  const flag = { values: fc.constant([]), defaultValue: fc.constant(null) };
  return {
    'project.open': fc.oneof(
      fc.constantFrom(t.dir, t.textFile, `${t.dir}/missing.spanlab`),
      nowhere(t.dir),
    ).map((path) => ({ path })),
    'project.create': fc.record({
      path: fc.oneof(fc.constantFrom(t.projectFile, t.textFile, t.dir), nowhere(t.dir).map((p) => `${p}.spanlab`)),
      sample: fc.boolean(),
    }),
    'documents.setStatus': fc.record({ id: missing, status: fc.constantFrom(...DOCUMENT_STATUSES) }),
    'documents.setNote': fc.record({ id: missing, note: str(100) }),
    'mentions.create': fc.oneof(
      fc.record({ documentId: missing, start: fc.nat(100), end: fc.integer({ min: 101, max: 200 }), typeId: maybeNull }),
      pastEnd.chain((p) => fc.record({ typeId: maybeNull }).map((r) => ({ ...p, ...r }))),
      fc.record({ documentId: fc.constantFrom(t.doc, t.otherDoc), typeId: missing }).chain((r) => inside.map((s) => ({ ...r, ...s }))),
      fc
        .record({ documentId: fc.constantFrom(t.doc, t.otherDoc), typeId: fc.constantFrom(null, t.per), attributes: unknownAttributes })
        .chain((r) => inside.map((s) => ({ ...r, ...s }))),
    ),
    'mentions.update': fc.oneof(
      fc.record({ id: missing, note: str(20) }),
      fc.record({ id: fc.constant(t.mention), end: fc.integer({ min: t.length + 1, max: 2 ** 31 - 1 }) }),
      fc.record({ id: fc.constant(t.mention), start: fc.integer({ min: t.mentionEnd, max: 2 ** 31 - 1 }) }),
      fc.record({ id: fc.constant(t.mention), start: fc.integer({ min: 1, max: t.length }) }).map((r) => ({ ...r, end: r.start - 1 })),
      fc.record({ id: fc.constantFrom(t.mention, t.otherMention), typeId: missing }),
      fc.record({ id: fc.constantFrom(t.mention, t.otherMention), entityId: missing }),
      fc.record({ id: fc.constantFrom(t.mention, t.otherMention), attributes: unknownAttributes }),
    ),
    'mentions.delete': fc.record({ id: missing }),
    'events.create': fc.oneof(
      fc.record({ documentId: missing, typeId: anyId, trigger: fc.oneof(fc.record({ mentionId: anyId }), inside) }),
      fc.record({ documentId: fc.constant(t.doc), typeId: missing, trigger: fc.oneof(fc.record({ mentionId: anyId }), inside) }),
      fc.record({
        documentId: fc.constant(t.doc),
        typeId: anyId,
        trigger: fc.record({ mentionId: fc.oneof(fc.constant(t.otherMention), missing) }),
      }),
      pastEnd.map(({ documentId, start, end }) => ({ documentId, typeId: t.attack, trigger: { start, end } })),
      fc.record({ documentId: fc.constant(t.doc), typeId: fc.constant(t.attack), trigger: inside, attributes: unknownAttributes }),
    ),
    'events.update': fc.oneof(
      fc.record({ id: missing, note: str(20), ...any }, { requiredKeys: ['id'] }),
      fc.record({ id: fc.constantFrom(t.event, t.otherEvent), typeId: missing }),
      fc.record({ id: fc.constantFrom(t.event, t.otherEvent), attributes: unknownAttributes }),
    ),
    'events.delete': fc.record({ id: missing }),
    'arguments.create': fc.oneof(
      fc.record({ eventId: missing, roleId: anyId, target: fc.record({ mentionId: anyId }) }),
      fc.record({
        eventId: fc.constant(t.event),
        roleId: fc.oneof(missing, fc.constant(t.meetEntity)),
        target: fc.record({ mentionId: fc.constant(t.mention) }),
      }),
      fc.record({
        eventId: fc.constant(t.event),
        roleId: anyId,
        target: fc.oneof(
          fc.record({ mentionId: fc.oneof(fc.constant(t.otherMention), missing) }),
          fc.record({ eventId: fc.constantFrom(t.otherEvent, t.event) }),
          fc.record({ start: fc.nat(t.length), end: fc.integer({ min: t.length + 1, max: 2 ** 31 - 1 }), typeId: maybeNull }),
          inside.chain((s) => fc.record({ typeId: missing }).map((r) => ({ ...s, ...r }))),
        ),
      }),
    ),
    'arguments.delete': fc.record({ id: missing }),
    'relations.create': fc.oneof(
      fc.record({ typeId: missing, fromMentionId: anyId, toMentionId: anyId }),
      fc.record({ typeId: anyId, fromMentionId: missing, toMentionId: anyId }),
      fc.record({ typeId: anyId, fromMentionId: fc.constantFrom(t.mention, t.mention2), toMentionId: fc.constant(t.otherMention) }),
      fc.record({ typeId: anyId, fromMentionId: fc.constantFrom(t.mention, t.otherMention) }).map((r) => ({ ...r, toMentionId: r.fromMentionId })),
    ),
    'relations.delete': fc.record({ id: missing }),
    'entities.create': fc.record(
      { name: label, typeId: missing, aliases: fc.array(label, { maxLength: 3 }) },
      { requiredKeys: ['name', 'typeId'] },
    ),
    'entities.update': fc.oneof(fc.record({ id: missing, name: label }), fc.record({ id: fc.constant(t.entity), typeId: missing })),
    'entities.delete': fc.record({ id: missing }),
    'schema.saveEntityType': typeSave('entity'),
    'schema.saveRelationType': typeSave('relation'),
    'schema.saveEventType': fc.oneof(
      fc.record({ id: missing, name: label, roles: fc.array(role, { maxLength: 2 }), ...newEvent }),
      fc.record({
        name: fc.constantFrom('Conflict.Attack', 'conflict.attack', 'Contact.Meet'),
        roles: fc.array(role, { maxLength: 2 }),
        ...newEvent,
      }),
      fc.record({ name: label.map((n) => `New ${n}`), roles: fc.tuple(role, missing).map(([r, id]) => [{ ...r, accepts: [id] }]), ...newEvent }),
      fc.record({ name: label.map((n) => `New ${n}`), roles: role.map((r) => [{ ...r, id: t.place }]), ...newEvent }),
      // Two roles whose names differ only in case.
      fc
        .record({ name: label.map((n) => `New ${n}`), roles: role.map((r) => [r, { ...r, name: otherCase(r.name) }]), ...newEvent })
        .filter((p) => p.roles[0]!.name.trim().toLowerCase() === p.roles[1]!.name.trim().toLowerCase()),
      // Dropping Place, which an argument fills.
      fc.record({ id: fc.constant(t.attack), name: fc.constant('Conflict.Attack'), roles: fc.constant([]), ...newEvent }),
    ),
    'schema.saveAttribute': fc.oneof(
      fc.record({ id: missing, target: fc.constantFrom('mention', 'event', 'relation'), name: label, ...flag }),
      fc.record({ target: fc.constant('event'), name: fc.constantFrom('realis', 'Realis', 'POLARITY'), ...flag }),
      fc.record({ target: fc.constant('relation'), name: newName, values: label.map((v) => [v, v]), defaultValue: fc.constant(null) }),
      fc.record({ target: fc.constant('relation'), name: newName, values: fc.constant(['a', 'b']), defaultValue: fc.constantFrom('c', 'A', '') }),
      fc.record({ id: fc.constant(t.realis), target: fc.constantFrom('mention', 'relation'), name: fc.constant('realis'), ...flag }),
    ),
    'schema.delete': fc.record({ kind: fc.constantFrom('entityType', 'eventType', 'relationType', 'attribute'), id: missing, force: fc.boolean() }),
    // More than 10 MB once decoded: refused before anything is written or started.
    'import.files': fc.record({
      files: fc.constant([
        { name: 'a.txt', data: SIX_MB_BASE64 },
        { name: 'b.txt', data: SIX_MB_BASE64 },
      ]),
      format: fc.constantFrom('auto', ...IMPORT_FORMATS),
    }),
    'backups.restore': fc.oneof(
      fc.constantFrom(t.projectFile, t.textFile, t.dir, '/etc/passwd'),
      fc.string({ minLength: 1, maxLength: 40 }).map((s) => `${t.dir}/project.backups/${s.replace(/[./\\]/g, '_')}.spanlab`),
    ).map((file) => ({ file })),
  };
}

/// Well-formed payloads of the calls that start something (an import, an export, a
/// backup): only ever sent broken.
export function startingPayloads(t: Target): Partial<Record<CallName, fc.Arbitrary<unknown>>> {
  return {
    'import.start': fc.record(
      {
        paths: fc.array(fc.constantFrom(t.textFile, t.dir), { minLength: 1, maxLength: 2 }),
        format: fc.constantFrom('auto', ...IMPORT_FORMATS),
        textField: label,
      },
      { requiredKeys: ['paths'] },
    ),
    'export.start': fc.record(
      {
        format: fc.constantFrom('conll', 'brat', 'spanlab-jsonl'),
        out: fc.constant(`${t.dir}/out`),
        split: fc.constant({ train: 80, dev: 10, test: 10 }),
        seed: fc.nat(100),
      },
      { requiredKeys: ['format', 'out'] },
    ),
    'backups.create': fc.constant({}),
  };
}

/** Six megabytes, base64: two of them are more than import.files takes. */
const SIX_MB_BASE64 = Buffer.alloc(6 * 1024 * 1024, 1).toString('base64');

// An annotation.conf that declares nothing new: the schema's own names in any case, lines
// before any section (errors), and anything in a section annotation.conf does not have.
function mergesNothing(): fc.Arbitrary<string> {
  const cased = (names: string[]) => fc.constantFrom(...names).chain((n) => fc.constantFrom(n, n.toLowerCase(), n.toUpperCase()));
  return fc
    .tuple(
      fc.array(fc.string({ maxLength: 30 }).map((s) => s.replace(/^\s*\[.*$/, '').replace(/[\r\n]/g, ' ')), { maxLength: 3 }),
      fc.array(cased(['PER', 'ORG', 'GPE', 'FAC', 'WEA']), { maxLength: 4 }),
      fc.array(cased(['PART-WHOLE', 'PHYS']), { maxLength: 2 }),
      fc.array(cased(['Conflict.Attack', 'Conflict_Attack', 'Contact.Meet']), { maxLength: 2 }),
      fc.array(fc.string({ maxLength: 30 }), { maxLength: 3 }),
    )
    .map(([before, entities, relations, events, other]) =>
      [...before, '[entities]', ...entities, '[relations]', ...relations, '[events]', ...events, '[elsewhere]', ...other].join('\n'),
    );
}

/// Malformed payloads of `name`: `valid` broken at one place. The caller keeps those the
/// contract's schema refuses.
export function malformed(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const wrong: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 1, arbitrary: fc.constant(HUGE) },
    {
      weight: 8,
      arbitrary: fc.constantFrom(-1, 0, 1.5, 2 ** 53, -(2 ** 31), NaN, '1', '', null, {}, [], true, { start: 5, end: 1 }, [1, 2], '#12345'),
    },
    { weight: 3, arbitrary: fc.anything({ maxDepth: 2 }) },
  );
  const whole = fc.oneof(fc.constantFrom(42, 'text', [], true, HUGE), fc.anything({ maxDepth: 2 }));
  return fc.oneof(
    { weight: 1, arbitrary: whole },
    {
      weight: 6,
      arbitrary: fc
        .tuple(valid, fc.nat(), fc.constantFrom('drop', 'replace', 'extra', 'reverse'), wrong, fc.string({ maxLength: 12 }))
        .map(([payload, at, how, value, key]) => broken(payload, at, how, value, key)),
    },
  );
}

// `payload` changed at its `at`-th object (itself, or one nested in it): a field dropped
// or replaced, an unknown one added (`__proto__` included), or its offsets reversed.
function broken(payload: unknown, at: number, how: string, value: unknown, key: string): unknown {
  const copy = structuredClone(payload);
  const objects: Record<string, unknown>[] = [];
  const collect = (v: unknown) => {
    if (typeof v !== 'object' || v === null) return;
    if (!Array.isArray(v)) objects.push(v as Record<string, unknown>);
    for (const child of Object.values(v)) collect(child);
  };
  collect(copy);
  const target = objects[at % Math.max(objects.length, 1)];
  if (!target) return value;
  const keys = Object.keys(target);
  const field = keys[at % Math.max(keys.length, 1)];
  if (how === 'drop' && field !== undefined) delete target[field];
  else if (how === 'replace' && field !== undefined) target[field] = value;
  else if (how === 'reverse' && typeof target.start === 'number' && typeof target.end === 'number') {
    [target.start, target.end] = [target.end, target.start];
  } else Object.defineProperty(target, key === '' ? '__proto__' : key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function otherCase(name: string): string {
  return name.toUpperCase() === name ? name.toLowerCase() : name.toUpperCase();
}

// Ids of any table: the fixture's rows, small numbers that are some row of every table,
// and ids no row has.
function ids(t: Target): fc.Arbitrary<number> {
  return fc.oneof(fc.constantFrom(...t.rows), fc.integer({ min: 1, max: 40 }), missing);
}
