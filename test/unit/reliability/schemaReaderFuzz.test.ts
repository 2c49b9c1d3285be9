// The schema readers fuzzed with fast-check: brat's annotation.conf (valid files broken,
// and noise) and the schema a spanlab-jsonl header carries. Reading never throws and never
// hangs; every issue names a line of the file. Merged into a real project, a schema the
// reader made anything of is added as one undoable action — Undo gives back exactly the
// schema before it — and the project stays sound.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseAnnotationConf } from '../../../core/brat/annotationConf';
import { DEFAULT_SCHEMA } from '../../../core/defaultSchema';
import { readSpanlabJsonlLine, writeSpanlabJsonlHeader } from '../../../core/formats/spanlabJsonl';
import { mergeSchemaSeed } from '../../../main/services/import/schemaSeedMerge';
import type { Project } from '../../../main/services/project';
import { importBratConf } from '../../../main/services/schemaInterchange';
import { fuzzParameters, hugeRun, mutatedText, oddPiece, withinHangLimit } from '../../support/fuzzInputs';
import { newProject } from '../../support/projectFixture';
import { withShared } from '../../support/readerSamples';
import { reportFigure, scaled } from '../../support/tortureScale';

const shared = withShared();
const CONFS = shared.conf;

/** annotation.conf files: the samples broken, lines of odd declarations, noise. */
const confText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CONFS).chain((c) => mutatedText(c, 100_000)) },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.oneof(
          fc.constantFrom('[entities]', '[relations]', '[events]', '[attributes]', '[ENTITIES]', '[other]', '---', '# note', ''),
          fc.constantFrom('PER', '!Abstract', '  Nested', '\tTabbed', 'A|B|C', '|', '!', 'Conflict.Attack', '__proto__', 'constructor'),
          fc.constantFrom(
            'E\tR?:PER, S*:<EVENT>, T{2-1}:X, U{0}:Y, V{9999999999}:Z, W:',
            'E2\tTheme1+:<ANY>, Theme1:PER',
            'R\tArg1:PER, Arg2:<ENTITY>',
          ),
          fc.constantFrom('A\tArg:<ENTITY>, Value:x|y|x', 'B\tValue:1', 'C\tArg:NoSuchType', '<DEF>=PER|ORG', '<ENTITY>=x', '<DEF>='),
          fc.tuple(fc.string({ maxLength: 12 }), fc.constantFrom('\t', ' ', ':', '|', ','), fc.string({ maxLength: 12 })).map((p) => p.join('')),
          oddPiece,
          hugeRun(20_000),
        ),
        { maxLength: 30 },
      )
      .map((lines) => lines.join('\n')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  // Thousands of declarations of one kind: each saved type must not cost more than the last.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('entities', 'relations', 'events', 'attributes'), fc.integer({ min: 500, max: 5_000 }))
      .map(([section, n]) => {
        const args = { entities: '', relations: '\tArg1:<ENTITY>, Arg2:<ENTITY>', events: '\tTheme:<ENTITY>', attributes: '\tArg:<ENTITY>' };
        return [`[${section}]`, ...Array.from({ length: n }, (_, i) => `${section}${i}${args[section]}`)].join('\n');
      }),
  },
  // Definitions that double at each step: <M1> stands for 2^n copies of the last one.
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 40 }).map((n) => {
      const definitions = Array.from({ length: n }, (_, i) => `<M${i}>=<M${i + 1}>|<M${i + 1}>`);
      return ['[events]', ...definitions, `<M${n}>=PER`, 'Attack\tTarget:<M0>'].join('\n');
    }),
  },
);

describe('the schema readers, fuzzed', () => {
  test('annotation.conf: read without throwing, every issue on a line of the file', (t) => {
    t.diagnostic(shared.note);
    let tried = 0;
    fc.assert(
      fc.property(confText, (text) => {
        tried++;
        const { conf, notes, errors } = withinHangLimit('parseAnnotationConf', () => parseAnnotationConf(text));
        const lines = text.split(/\r\n|\n|\r/).length;
        for (const issue of [...notes, ...errors]) {
          assert.ok(Number.isInteger(issue.line) && issue.line >= 1 && issue.line <= lines, `line ${issue.line} of ${lines}`);
          assert.ok(issue.message.length > 0 && issue.message.length < 1_000, `a message of sensible length: ${issue.message.slice(0, 100)}`);
        }
        for (const type of [...conf.entities, ...conf.relations, ...conf.events, ...conf.attributes]) {
          assert.ok(type.name.length > 0 && !/[\p{Cc}\s]/u.test(type.name), `a usable name: ${JSON.stringify(type.name.slice(0, 50))}`);
        }
      }),
      fuzzParameters(t, scaled(600)),
    );
    reportFigure(t, `annotation.conf reader: ${tried} inputs`);
  });

  test('annotation.conf merged into a project: one undoable action, or nothing', async (t) => {
    const { project } = await newProject({ sample: true });
    let tried = 0;
    fc.assert(
      fc.property(confText, (text) => {
        tried++;
        const before = schemaState(project);
        const report = withinHangLimit('importBratConf', () => importBratConf(project, text));
        const added = Object.values(report.added).reduce((a, b) => a + b, 0);
        assertMergedOrNothing(project, before, added > 0);
      }),
      fuzzParameters(t, scaled(80)),
    );
    project.close();
    reportFigure(t, `annotation.conf merged into a project: ${tried} inputs`);
  });

  test('a spanlab-jsonl header: read, and merged as one undoable action', async (t) => {
    const { project } = await newProject({ sample: true });
    const header = writeSpanlabJsonlHeader({
      ...DEFAULT_SCHEMA,
      entityTypes: [...DEFAULT_SCHEMA.entityTypes, { name: 'NORP', color: '#112233', hotkey: '0', description: 'Groups' }],
    });
    const line = fc.oneof(
      { weight: 4, arbitrary: mutatedText(header, 50_000) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((schema) => JSON.stringify({ format: 'spanlab-jsonl', version: 1, schema })) },
    );
    let tried = 0;
    let merged = 0;
    fc.assert(
      fc.property(line, (text) => {
        tried++;
        const read = withinHangLimit('readSpanlabJsonlLine', () => readSpanlabJsonlLine(text, 1));
        if (read.kind === 'invalid') {
          for (const e of read.errors) assert.ok(e.message.length > 0 && e.message.length + e.path.length < 1_000, e.message.slice(0, 100));
        }
        if (read.kind !== 'header') return;
        merged++;
        const before = schemaState(project);
        const result = withinHangLimit('mergeSchemaSeed', () => mergeSchemaSeed(project, read.header.schema));
        assertMergedOrNothing(project, before, result.added.length > 0);
      }),
      fuzzParameters(t, scaled(300)),
    );
    project.close();
    reportFigure(t, `spanlab-jsonl header reader: ${tried} inputs, ${merged} merged into a project`);
  });
});

/// The merge either changed nothing at all, or is one action whose Undo restores the
/// project exactly; the project is sound either way.
function assertMergedOrNothing(project: Project, before: ReturnType<typeof schemaState>, added: boolean): void {
  assert.deepEqual(project.db.pragma('foreign_key_check'), []);
  if (!added) {
    assert.deepEqual(schemaState(project), before, 'nothing added, nothing changed');
    return;
  }
  const undone = project.history.undo(null);
  assert.ok(undone, 'the merge is on the undo stack');
  const after = schemaState(project);
  assert.deepEqual(after.tables, before.tables, 'Undo restores the schema');
  for (const table of COUNTED_TABLES.slice(0, 6)) assert.equal(after.log[table], before.log[table], `Undo leaves ${table} alone`);
}

// The schema's tables whole, and of the rest (annotations, documents, the change log,
// which grows with every merge and its undo) only the size: a dump of everything per input
// would grow with the log.
const SCHEMA_TABLES = ['entity_types', 'event_types', 'event_roles', 'event_role_accepts', 'relation_types', 'attribute_defs'];
const COUNTED_TABLES = ['documents', 'mentions', 'events', 'event_arguments', 'relations', 'entities', 'changes', 'actions'];

function schemaState(project: Project) {
  const rows = (table: string) => project.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).raw().all();
  const count = (table: string) => project.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
  return {
    tables: Object.fromEntries(SCHEMA_TABLES.map((t) => [t, rows(t)])),
    log: Object.fromEntries(COUNTED_TABLES.map((t) => [t, count(t)])),
  };
}
