// Every call of the contract fuzzed with fast-check through the real dispatch
// (main/api/dispatch.ts) against a real project: payloads malformed in every way, 10 MB
// strings among them, and well-formed payloads poisoned with one field that cannot work
// here (an id no row has, another document's mention, an offset past the text, a taken
// name). Each is answered with a typed error that is not `internal`, in bounded time, and
// leaves the project file — every table, the change log included — the settings and the
// open project exactly as they were. Calls that only read may also answer; they change
// nothing either. refusedCalls.test.ts holds the hand-written cases.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { CallName } from '../../../common/contract';
import { CALL_NAMES, callInputs } from '../../../common/contract';
import type { CallResult } from '../../../common/errors';
import { ERROR_CODES } from '../../../common/errors';
import { dispatch } from '../../../main/api/dispatch';
import { Workspace } from '../../../main/services/workspace';
import type { Target } from '../../support/contractPayloads';
import { HUGE, malformed, poisonedPayloads, readOnlyPayloads, startingPayloads } from '../../support/contractPayloads';
import { fuzzParameters, withinHangLimitAsync } from '../../support/fuzzInputs';
import { dumpDatabase, roleId, spanOf, tempDir, typeId } from '../../support/projectFixture';
import { reportFigure, scaled } from '../../support/tortureScale';

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);

describe('the contract, fuzzed', () => {
  const dir = tempDir();
  const settingsDir = path.join(dir, 'settings');
  const workspace = new Workspace({ settingsDir, mode: 'serve', version: 'test' });
  const target = {} as Target;

  before(async () => {
    const projectFile = path.join(dir, 'project.spanlab');
    await workspace.createProject(projectFile, true);
    const project = workspace.requireProject();
    const text = project.documents.get(1).text;
    const other = 'Police arrested a man in Basra on Friday.';
    const otherDoc = project.documents.add({ text: other, title: 'Other' }).id;
    const [per, fac] = [typeId(project, 'entity', 'PER'), typeId(project, 'entity', 'FAC')];
    const attack = typeId(project, 'event', 'Conflict.Attack');
    const place = roleId(project, 'Conflict.Attack', 'Place');
    const embassy = spanOf(text, 'the US embassy in Baghdad');
    const mention = project.mentions.create({ documentId: 1, ...embassy, typeId: fac }).id;
    const mention2 = project.mentions.create({ documentId: 1, ...spanOf(text, 'Baghdad', 100), typeId: fac }).id;
    const otherMention = project.mentions.create({ documentId: otherDoc, start: 0, end: 6, typeId: per }).id;
    const event = project.events.create({ documentId: 1, typeId: attack, trigger: spanOf(text, 'fired') }).event.id;
    const arrest = typeId(project, 'event', 'Justice.Arrest-Jail');
    const otherEvent = project.events.create({ documentId: otherDoc, typeId: arrest, trigger: { start: 7, end: 15 } }).event.id;
    project.arguments.create({ eventId: event, roleId: place, target: { mentionId: mention2 } });
    const partWhole = typeId(project, 'relation', 'PART-WHOLE');
    const relation = project.relations.create({ typeId: partWhole, fromMentionId: mention, toMentionId: mention2 }).id;
    const entity = project.entities.create({ name: 'US embassy', typeId: fac }).id;
    const realis = project.schema.get().attributes.find((a) => a.name === 'realis')!.id;
    const textFile = path.join(dir, 'notes.txt');
    fs.writeFileSync(textFile, "an analyst's notes, not a project");
    Object.assign(target, {
      doc: 1,
      otherDoc,
      length: Array.from(text).length,
      otherLength: other.length,
      mention,
      mentionEnd: embassy.end,
      mention2,
      otherMention,
      event,
      otherEvent,
      relation,
      entity,
      per,
      fac,
      attack,
      place,
      meetEntity: roleId(project, 'Contact.Meet', 'Entity'),
      partWhole,
      realis,
      rows: [1, otherDoc, mention, mention2, otherMention, event, otherEvent, relation, entity, per, fac, attack, place, partWhole, realis],
      dir,
      projectFile,
      textFile,
    } satisfies Target);
  });

  after(() => workspace.close());

  test('every call refuses payloads wrong by construction with a typed error, changing nothing', async (t) => {
    const state = () => ({
      db: dumpDatabase(workspace.requireProject().db),
      settings: fs.readFileSync(path.join(settingsDir, 'settings.json'), 'utf8'),
      open: workspace.current()?.path,
    });
    const initial = state();
    const readOnly = readOnlyPayloads(target);
    const poisoned = poisonedPayloads(target);
    const starting = startingPayloads(target);
    const tried = { malformed: 0, poisoned: 0, readOnly: 0, huge: 0 };
    const runs = scaled(24);

    for (const name of CALL_NAMES) {
      const schema = callInputs[name];
      const valid = readOnly[name] ?? poisoned[name] ?? starting[name] ?? fc.constant({});
      const wellFormed = (payload: unknown) => schema.safeParse(withHuge(payload) ?? {}).success;
      const kinds: fc.Arbitrary<{ kind: keyof typeof tried; payload: unknown }>[] = [
        malformed(valid)
          .filter((payload) => !wellFormed(payload))
          .map((payload) => ({ kind: 'malformed' as const, payload })),
      ];
      const poison = poisoned[name];
      if (poison) kinds.push(poison.map((payload) => ({ kind: 'poisoned' as const, payload })));
      const read = readOnly[name];
      if (read) kinds.push(read.map((payload) => ({ kind: 'readOnly' as const, payload })));

      await fc.assert(
        fc.asyncProperty(fc.oneof(...kinds), async ({ kind, payload }) => {
          tried[kind]++;
          if (JSON.stringify(payload)?.includes(HUGE)) tried.huge++;
          if (kind !== 'malformed') assert.ok(wellFormed(payload), `${name}: the ${kind} payload is well-formed`);
          const result = await withinHangLimitAsync(name, () => dispatch(workspace.handlers, name, withHuge(payload)));
          if (kind === 'readOnly') {
            if (!result.ok) assertTyped(name, result);
          } else {
            assert.ok(!result.ok, `${name} accepted a ${kind} payload`);
            assertTyped(name, result);
            if (kind === 'malformed') assert.equal(result.error.code, 'invalid_input');
          }
          assert.deepEqual(state(), initial, `${name} changed the project, the settings or what is open`);
        }),
        fuzzParameters(t, runs),
      );
    }
    const total = tried.malformed + tried.poisoned + tried.readOnly;
    reportFigure(
      t,
      `contract: ${total} payloads to ${CALL_NAMES.length} calls (${tried.malformed} malformed, ${tried.poisoned} poisoned, ` +
        `${tried.readOnly} to calls that only read), ${tried.huge} of them with a 10 MB string`,
    );
  });

  test('names that are no call are refused', async (t) => {
    let tried = 0;
    const prototypeNames = fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'schema.', '');
    const names = fc.oneof(fc.string({ maxLength: 40 }), prototypeNames, fc.anything());
    await fc.assert(
      fc.asyncProperty(names, fc.anything(), async (name, payload) => {
        fc.pre(!CALL_NAMES.includes(name as CallName));
        tried++;
        const result = await dispatch(workspace.handlers, name, payload);
        assert.ok(!result.ok && result.error.code === 'invalid_input');
        assert.ok(result.error.message.length < 200);
      }),
      fuzzParameters(t, scaled(100)),
    );
    reportFigure(t, `contract: ${tried} names that are no call`);
  });
});

function assertTyped(name: CallName, result: Extract<CallResult<unknown>, { ok: false }>): void {
  const { code, message } = result.error;
  assert.ok((ERROR_CODES as readonly string[]).includes(code), `${name}: unknown code ${code}`);
  assert.notEqual(code, 'internal', `${name}: ${message}`);
  assert.ok(typeof message === 'string' && message.length > 0 && message.length < 2_000, `${name}: a message of sensible length`);
}

// The payload with each HUGE marker replaced by a real 10 MB string.
function withHuge(payload: unknown): unknown {
  if (payload === HUGE) return TEN_MB;
  if (typeof payload !== 'object' || payload === null) return payload;
  if (Array.isArray(payload)) return payload.map(withHuge);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(payload)) {
    // Defined, not assigned: a `__proto__` key stays a key.
    const value = withHuge((payload as Record<string, unknown>)[key]);
    Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}
