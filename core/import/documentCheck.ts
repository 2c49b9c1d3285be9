// The checks every imported document passes before it is written, whatever format it came
// from: its text can be stored, every span lies inside the text and says what the text
// says, and every reference (trigger, argument, relation end, entity) names something of
// the same document. A document that fails is refused whole, with every reason, rather
// than stored without the annotations that did not fit: a re-run would then skip it as a
// duplicate and its annotations would be lost for good.

import { BLOCK_KINDS } from '../../common/model';
import { codePointLength } from '../codePoints';
import type { PortableDocument } from '../formats/portableDocument';
import { OffsetMap } from '../offsetMap';
import { quoted, shortened } from '../reportText';

/** Reasons beyond this many are summed up in one line: a bad file can have thousands. */
const MAX_REASONS = 20;

/// Every reason `document` cannot be imported; empty when it can.
export function checkDocument(document: PortableDocument): string[] {
  const reasons: string[] = [];
  const { text } = document;
  if (!/\S/.test(text)) return [text === '' ? 'empty: there is no text' : 'there is only white space, no text'];
  if (text.includes('\u0000')) reasons.push('the text contains a NUL character, which Spanlab cannot store');
  reasons.push(...unpairedSurrogates(document));

  // The map costs a pass over the text; a document without spans or blocks needs none.
  let map: OffsetMap | null = null;
  const offsets = () => (map ??= new OffsetMap(text, []));
  const slice = (start: number, end: number) => text.slice(offsets().toUtf16(start), offsets().toUtf16(end));

  const mentionIds = new Set<string>();
  for (const mention of document.mentions) {
    const name = shortened(mention.id);
    if (mentionIds.has(mention.id)) reasons.push(`${name}: the id is used twice`);
    mentionIds.add(name);
    const { start, end } = mention;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start >= end) {
      reasons.push(`${name}: ${start}–${end} is not a span (offsets are whole numbers, start before end)`);
    } else if (end > offsets().codePointLength) {
      const length = offsets().codePointLength.toLocaleString('en-US');
      reasons.push(`${name}: span ${start}–${end} is beyond the text's ${length} characters`);
    } else {
      const actual = slice(start, end);
      if (mention.text !== actual) {
        reasons.push(`${name}: span text ${quoted(mention.text)} does not match text ${quoted(actual)} at ${start}–${end}`);
      }
    }
  }

  const entityIds = new Set(document.entities.map((e) => e.id));
  for (const mention of document.mentions) {
    if (mention.entity !== null && !entityIds.has(mention.entity)) {
      reasons.push(`${shortened(mention.id)}: refers to an entity ${shortened(mention.entity)} that the document does not have`);
    }
  }

  const eventIds = new Set(document.events.map((e) => e.id));
  for (const event of document.events) {
    const id = shortened(event.id);
    if (!mentionIds.has(event.trigger)) {
      reasons.push(`${id}: its trigger ${shortened(event.trigger)} is not a span of the document`);
    }
    for (const argument of event.arguments) {
      const role = shortened(argument.role);
      const target = shortened(argument.mention ?? argument.event ?? '');
      if ((argument.mention === undefined) === (argument.event === undefined)) {
        reasons.push(`${id}: the ${role} argument must name one mention or one event`);
      } else if (argument.mention !== undefined && !mentionIds.has(argument.mention)) {
        reasons.push(`${id}: its ${role} argument ${target} is not in the document`);
      } else if (argument.event !== undefined && !eventIds.has(argument.event)) {
        reasons.push(`${id}: its ${role} argument ${target} is not an event of the document`);
      } else if (argument.event === event.id) {
        reasons.push(`${id}: an event cannot be its own ${role} argument`);
      }
    }
  }

  for (const relation of document.relations) {
    for (const end of [relation.from, relation.to]) {
      if (!mentionIds.has(end)) reasons.push(`${shortened(relation.id)}: ${shortened(end)} is not a span of the document`);
    }
  }

  let previousEnd = 0;
  for (const [i, block] of (document.blocks ?? []).entries()) {
    const inOrder = block.start >= previousEnd && block.start < block.end && block.end <= offsets().codePointLength;
    if (!(BLOCK_KINDS as readonly string[]).includes(block.kind) || !inOrder) {
      reasons.push(`block ${i + 1} (${block.start}–${block.end}) is not a range of the text in order`);
    }
    previousEnd = block.end;
  }

  if (reasons.length <= MAX_REASONS) return reasons;
  return [...reasons.slice(0, MAX_REASONS), `… and ${reasons.length - MAX_REASONS} more problems`];
}

// A lone surrogate (what a JSON "\ud800" escape decodes to) is not Unicode text: SQLite
// would store it as U+FFFD, silently changing the text an annotation quotes, or a label.
// Metadata and attribute values are stored as JSON, whose escapes carry it through.
function unpairedSurrogates(document: PortableDocument): string[] {
  const lone = /\p{Cs}/u;
  const found = lone.exec(document.text);
  const reasons: string[] = [];
  if (found) {
    const unit = found[0].charCodeAt(0).toString(16).toUpperCase();
    const at = codePointLength(document.text.slice(0, found.index));
    reasons.push(`the text holds an unpaired surrogate (U+${unit}) at character ${at}, which is not Unicode text`);
  }
  const own: [string, string | null][] = [
    ['the title', document.title],
    ['the source', document.source],
    ['the note', document.note],
  ];
  const annotations: [string, (string | null)[]][] = [
    ...document.mentions.map((m): [string, (string | null)[]] => [m.id, [m.label, m.note, ...Object.keys(m.attributes)]]),
    ...document.entities.map((e): [string, (string | null)[]] => [e.id, [e.name, e.label, e.externalId]]),
    ...document.events.map((e): [string, (string | null)[]] => [
      e.id,
      [e.type, e.note, ...e.arguments.map((a) => a.role), ...Object.keys(e.attributes)],
    ]),
    ...document.relations.map((r): [string, (string | null)[]] => [r.id, [r.type, r.note, ...Object.keys(r.attributes)]]),
  ];
  const holds = (value: string | null) => value !== null && lone.test(value);
  for (const [what, value] of own) if (holds(value)) reasons.push(`${what} holds an unpaired surrogate`);
  for (const [id, values] of annotations) {
    if (values.some(holds)) reasons.push(`${shortened(id)}: a label, name or note holds an unpaired surrogate`);
  }
  return reasons;
}
