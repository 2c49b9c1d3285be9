// JSON records for the fuzz tests, one per JSONL line or JSON array element, in every
// layout the JSON readers know (plain, doccano's two forms, Prodigy, spanlab-jsonl) and
// broken in the ways records break: the text of the wrong type or missing, odd Unicode
// (lone surrogates written as JSON escapes), spans outside the text, reversed, empty,
// overlapping or not whole numbers, references to ids that do not exist, keys such as
// `__proto__`, and values nested thousands of levels deep.

import fc from 'fast-check';
import { codePointLength, sliceCodePoints } from '../../core/codePoints';
import { deepJson, ODD_PIECES } from './fuzzInputs';

const TEXTS = [
  'EU rejects German call to boycott British lamb.',
  'Farouk Ali fired rockets\r\nat the embassy 🚀 in Baghdad.',
  'قال مسؤولون إن صواريخ سقطت',
  'e\u0301te\u0301 \u202Emirror\u202C',
];

/** A text to annotate: ordinary, or with odd characters (a lone surrogate among them). */
const recordText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TEXTS) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...TEXTS), fc.nat(), fc.constantFrom(...ODD_PIECES, '\uD800', '\uDC00', 'a\uDBFF'))
      .map(([text, at, piece]) => text.slice(0, at % (text.length + 1)) + piece + text.slice(at % (text.length + 1))),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

/** A value where a string belongs, or anything else. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, 0, -1, 1.5, true, [], {}, ['text'], { text: 'x' }),
  fc.jsonValue({ maxDepth: 2 }),
);

/// An offset into a text of `length` code points: inside it mostly, else out, negative,
/// fractional or huge.
function offset(length: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: length }) },
    { weight: 1, arbitrary: fc.constantFrom(-1, length + 1, 2 ** 31, 1.5, Number.MAX_SAFE_INTEGER, '3', null) },
  );
}

const label = fc.oneof(
  fc.constantFrom('PER', 'ORG', 'per', 'PER ', ' org\t', 'Conflict.Attack', 'Conflict_Attack', '__proto__', 'constructor', ' ', ''),
  fc.string({ maxLength: 10 }),
);

/// One record as the JSON text of an object (or, now and then, of something else).
export function jsonRecord(): fc.Arbitrary<string> {
  const layouts = recordText.chain((text) => {
    const n = codePointLength(text);
    const pair = fc.tuple(offset(n), offset(n));
    const doccanoLabels = fc
      .array(fc.tuple(pair, label), { minLength: 1, maxLength: 4 })
      .map((spans) => ({ text, label: spans.map(([[s, e], l]) => [s, e, l]) }));
    const doccanoEntities = fc
      .tuple(
        fc.array(fc.tuple(fc.oneof(fc.nat(5), fc.constant('x')), pair, label), { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(6), fc.nat(6), label), { maxLength: 3 }),
      )
      .map(([entities, relations]) => ({
        text,
        entities: entities.map(([id, [s, e], l]) => ({ id, start_offset: s, end_offset: e, label: l })),
        relations: relations.map(([from, to, type]) => ({ from_id: from, to_id: to, type })),
      }));
    const prodigy = fc
      .tuple(fc.array(fc.tuple(pair, label, fc.boolean()), { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(pair, pair, label), { maxLength: 2 }))
      .map(([spans, relations]) => ({
        text,
        spans: spans.map(([[s, e], l, quote]) => ({
          start: s,
          end: e,
          label: l,
          ...(quote && typeof s === 'number' && typeof e === 'number' ? { text: sliceCodePoints(text, s, e) } : {}),
        })),
        relations: relations.map(([[hs, he], [cs, ce], l]) => ({ head_span: { start: hs, end: he }, child_span: { start: cs, end: ce }, label: l })),
      }));
    const ref = fc.constantFrom('T1', 'T2', 'E1', 'N1', 'X');
    const spanlab = fc
      .tuple(
        fc.array(fc.tuple(fc.constantFrom('T1', 'T2', 'T3'), pair, fc.option(label), fc.option(ref)), { maxLength: 3 }),
        fc.array(fc.tuple(fc.constantFrom('E1', 'E2'), label, ref, fc.array(fc.tuple(label, ref), { maxLength: 2 })), { maxLength: 2 }),
        fc.array(fc.tuple(ref, ref), { maxLength: 2 }),
        fc.boolean(),
      )
      .map(([mentions, events, relations, entity]) => ({
        text,
        mentions: mentions.map(([id, [start, end], l, e]) => ({ id, start, end, label: l, entity: e })),
        entities: entity ? [{ id: 'N1', name: 'N', label: 'PER', aliases: [], externalId: null }] : [],
        events: events.map(([id, type, trigger, args]) => ({ id, type, trigger, arguments: args.map(([role, mention]) => ({ role, mention })) })),
        relations: relations.map(([from, to], i) => ({ id: `R${i}`, type: 'PHYS', from, to })),
      }));
    const plain = fc
      .tuple(fc.option(fc.string({ maxLength: 20 })), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }))
      .map(([title, extra]) => ({ ...extra, text, ...(title === null ? {} : { title }) }));
    return fc.oneof(doccanoLabels, doccanoEntities, prodigy, spanlab, plain);
  });
  const records = fc.oneof(
    { weight: 8, arbitrary: layouts.map((r) => JSON.stringify(r)) },
    // The text of the wrong type, or missing.
    { weight: 1, arbitrary: wrongValue.map((v) => JSON.stringify({ text: v, title: 'wrong' })) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null') },
    // A header with a schema of odd shapes.
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((schema) => JSON.stringify({ format: 'spanlab-jsonl', version: 1, schema })) },
    // `__proto__` as a key of its own (JSON.stringify cannot write one).
    { weight: 1, arbitrary: fc.constant('{"text": "A record with a __proto__ key.", "__proto__": {"polluted": true}, "desk": "world"}') },
    // Deep values: as metadata, as the text, as the whole record.
    { weight: 1, arbitrary: deepJson(20_000).map((deep) => `{"text": "Deep metadata.", "meta": ${deep}}`) },
    {
      weight: 1,
      arbitrary: deepJson(20_000).map(
        (deep) => `{"text": "Deep", "mentions": [], "entities": [], "events": [], "relations": [], "metadata": {"a": ${deep}}}`,
      ),
    },
  );
  return records;
}
