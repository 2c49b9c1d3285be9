// One JSON object (a JSONL line, an element of a JSON array) as a document. Which fields
// hold the text and the title can be chosen; every other field is kept as metadata. Three
// annotation layouts are recognised and brought along:
//   - doccano sequence labeling: `label: [[start, end, "LABEL"], …]`;
//   - doccano relation extraction: `entities: [{id, start_offset, end_offset, label}]` with
//     `relations: [{from_id, to_id, type}]`;
//   - Prodigy / spaCy: `spans: [{start, end, label}]`, and Prodigy's `relations` with
//     `head_span` / `child_span`.
// Spanlab's own records (spanlab-jsonl: its header with the schema, then one
// PortableDocument per line) are read by the format's own reader, so that they import
// exactly as they were exported. All these offsets are code points, as Python counts them.

import type { JsonObject, JsonValue } from '../../common/model';
import type { PortableDocument, PortableMention, PortableRelation } from '../formats/portableDocument';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../formats/jsonDepth';
import { readSpanlabJsonlLine, SPANLAB_JSONL_FORMAT } from '../formats/spanlabJsonl';
import { OffsetMap } from '../offsetMap';
import { draftDocument } from './draftDocument';
import { fileStem } from './plainText';
import type { Place, ReadOptions, ReadResult } from './readResult';
import { accept } from './readResult';
import { quoted, shortened } from '../reportText';

const TEXT_FIELDS = ['text', 'content', 'body', 'article'];
const TITLE_FIELDS = ['title', 'headline'];

/// Reads `value` into `result`: one document (or a spanlab-jsonl header's schema), or one
/// error at `place`. `json` is the record's own text when there is one (a JSONL line).
export function readRecord(value: unknown, place: Place, options: ReadOptions, result: ReadResult, json?: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    result.errors.push({ ...place, reason: `not a JSON object but ${describe(value)}` });
    return;
  }
  if (nestsDeeperThan(value)) {
    result.errors.push({ ...place, reason: `the record nests more than ${MAX_JSON_DEPTH} levels of arrays and objects` });
    return;
  }
  const record = value as JsonObject;
  if (record.format === SPANLAB_JSONL_FORMAT || isSpanlabDocument(record)) {
    readSpanlabRecord(json ?? JSON.stringify(record), place, result);
    return;
  }

  // The first text field holding a string, else the first there is (its type is then said).
  const textField =
    options.textField ??
    TEXT_FIELDS.find((f) => typeof record[f] === 'string') ??
    TEXT_FIELDS.find((f) => Object.hasOwn(record, f));
  if (textField === undefined || !Object.hasOwn(record, textField)) {
    const fields = Object.keys(record).slice(0, 12).map((f) => shortened(f, 40)).join(', ') || 'none';
    const wanted = quoted(options.textField ?? 'text');
    result.errors.push({ ...place, reason: `no ${wanted} field (its fields: ${fields}); choose the text field` });
    return;
  }
  const text = record[textField];
  if (typeof text !== 'string') {
    result.errors.push({ ...place, reason: `the ${quoted(textField)} field is ${describe(text)}, not a string` });
    return;
  }
  const titleField = options.titleField ?? TITLE_FIELDS.find((f) => typeof record[f] === 'string');
  const title = titleField !== undefined && typeof record[titleField] === 'string' ? (record[titleField] as string) : '';

  const consumed = new Set([textField, ...(titleField ? [titleField] : [])]);
  const annotations = { mentions: [] as PortableMention[], relations: [] as PortableRelation[], problems: [] as string[] };
  const spans = new Spans(text);
  if (isLabelTriples(record.label)) {
    consumed.add('label');
    record.label.forEach(([start, end, label], i) => annotations.mentions.push(spans.mention(`T${i + 1}`, start, end, label)));
  } else if (Array.isArray(record.entities) && record.entities.some(isDoccanoEntity)) {
    consumed.add('entities');
    readDoccanoEntities(record, spans, annotations);
    if (Array.isArray(record.relations)) consumed.add('relations');
  } else if (Array.isArray(record.spans)) {
    consumed.add('spans');
    readProdigySpans(record, spans, annotations);
    if (Array.isArray(record.relations)) consumed.add('relations');
    // Prodigy's tokens are derived from the text and would only weigh on every document.
    consumed.add('tokens');
  }
  if (annotations.problems.length > 0) {
    result.errors.push({ ...place, reason: annotations.problems.join('; ') });
    return;
  }

  // fromEntries defines each key as the record's own, `__proto__` too (an assignment would
  // set the object's prototype and lose the field).
  const metadata: JsonObject = Object.fromEntries(Object.entries(record).filter(([key]) => !consumed.has(key)));
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : defaultId(place);
  const document: PortableDocument = draftDocument({
    id,
    text,
    title,
    source: place.file,
    metadata,
    mentions: annotations.mentions,
    relations: annotations.relations,
  });
  accept(result, document, place);
}

// "an array", "null", "a number"…: what a value is, for a reason.
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

// A Spanlab record has the four annotation lists its export always writes; a doccano or
// Prodigy record has other fields, which the spanlab-jsonl reader would refuse.
function isSpanlabDocument(record: JsonObject): boolean {
  return typeof record.text === 'string' && ['mentions', 'entities', 'events', 'relations'].every((k) => Array.isArray(record[k]));
}

function readSpanlabRecord(json: string, place: Place, result: ReadResult): void {
  const read = readSpanlabJsonlLine(json, place.line ?? place.record ?? 1);
  if (read.kind === 'header') result.schema = read.header.schema;
  else if (read.kind === 'document') accept(result, read.document, place);
  else if (read.kind === 'invalid') {
    const reasons = read.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
    result.errors.push({ ...place, reason: `not a valid Spanlab record: ${reasons.join('; ')}` });
  }
}

function defaultId(place: Place): string {
  const at = place.line ?? place.record;
  return at === undefined ? fileStem(place.file) : `${fileStem(place.file)}:${at}`;
}

// Mentions cut from one text: their `text` is what the offsets cover, so that a reader
// with no stated span text has nothing to disagree with, while checkDocument still
// catches spans outside the text.
class Spans {
  // Built on the first span: most records of a plain feed have none, and the map costs a
  // pass over the text.
  private offsets: OffsetMap | null = null;
  constructor(private readonly text: string) {}

  mention(id: string, start: number, end: number, label: string | null, stated?: string): PortableMention {
    const map = (this.offsets ??= new OffsetMap(this.text, []));
    const inside = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= map.codePointLength;
    const covered = inside ? this.text.slice(map.toUtf16(start), map.toUtf16(end)) : '';
    return { id, start, end, label, text: stated ?? covered, attributes: {}, note: '', entity: null };
  }
}

type Triple = [number, number, string];

function isLabelTriples(value: JsonValue | undefined): value is Triple[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (t) =>
        Array.isArray(t) && t.length === 3 && typeof t[0] === 'number' && typeof t[1] === 'number' && typeof t[2] === 'string',
    )
  );
}

function isDoccanoEntity(value: JsonValue): boolean {
  return typeof value === 'object' && value !== null && 'start_offset' in value && 'end_offset' in value;
}

interface Annotations {
  mentions: PortableMention[];
  relations: PortableRelation[];
  problems: string[];
}

function readDoccanoEntities(record: JsonObject, spans: Spans, out: Annotations): void {
  const ids = new Map<string, string>();
  for (const [i, value] of (record.entities as JsonValue[]).entries()) {
    const e = value as JsonObject;
    if (typeof e.start_offset !== 'number' || typeof e.end_offset !== 'number' || typeof e.label !== 'string') {
      out.problems.push(`entity ${i + 1} needs start_offset, end_offset and label`);
      continue;
    }
    const id = `T${e.id ?? i}`;
    ids.set(String(e.id ?? i), id);
    out.mentions.push(spans.mention(id, e.start_offset, e.end_offset, e.label));
  }
  if (!Array.isArray(record.relations)) return;
  for (const [i, value] of record.relations.entries()) {
    const r = value as JsonObject;
    const from = ids.get(String(r.from_id));
    const to = ids.get(String(r.to_id));
    const type = typeof r.type === 'string' ? r.type : typeof r.label === 'string' ? r.label : null;
    if (from === undefined || to === undefined || type === null) {
      out.problems.push(`relation ${i + 1} needs from_id and to_id of listed entities and a type`);
      continue;
    }
    out.relations.push({ id: `R${r.id ?? i}`, type, from, to, attributes: {}, note: '' });
  }
}

function readProdigySpans(record: JsonObject, spans: Spans, out: Annotations): void {
  const byRange = new Map<string, string>();
  for (const [i, value] of (record.spans as JsonValue[]).entries()) {
    const s = value as JsonObject;
    if (typeof s.start !== 'number' || typeof s.end !== 'number') {
      out.problems.push(`span ${i + 1} needs start and end`);
      continue;
    }
    const id = `T${i + 1}`;
    byRange.set(`${s.start}:${s.end}`, id);
    const stated = typeof s.text === 'string' ? s.text : undefined;
    out.mentions.push(spans.mention(id, s.start, s.end, typeof s.label === 'string' ? s.label : null, stated));
  }
  if (!Array.isArray(record.relations)) return;
  // A Prodigy relation names its ends by their spans; an end that is not among `spans`
  // becomes a span of its own.
  let extra = 0;
  const endOf = (span: JsonValue | undefined): string | null => {
    if (typeof span !== 'object' || span === null || Array.isArray(span)) return null;
    if (typeof span.start !== 'number' || typeof span.end !== 'number') return null;
    const key = `${span.start}:${span.end}`;
    let id = byRange.get(key);
    if (id === undefined) {
      id = `H${++extra}`;
      byRange.set(key, id);
      out.mentions.push(spans.mention(id, span.start, span.end, typeof span.label === 'string' ? span.label : null));
    }
    return id;
  };
  for (const [i, value] of record.relations.entries()) {
    const r = value as JsonObject;
    const from = endOf(r.head_span);
    const to = endOf(r.child_span);
    if (from === null || to === null || typeof r.label !== 'string') {
      out.problems.push(`relation ${i + 1} needs head_span, child_span and label`);
      continue;
    }
    out.relations.push({ id: `R${i + 1}`, type: r.label, from, to, attributes: {}, note: '' });
  }
}
