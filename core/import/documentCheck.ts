// The checks every imported document passes before it is written, whatever format it came
// from: its text can be stored, every span lies inside the text and says what the text
// says, and every reference (trigger, argument, relation end, entity) names something of
// the same document. A document that fails is refused whole, with every reason, rather
// than stored without the annotations that did not fit: a re-run would then skip it as a
// duplicate and its annotations would be lost for good.

import { BLOCK_KINDS } from '../../common/model';
import type { PortableDocument } from '../formats/portableDocument';
import { OffsetMap } from '../offsetMap';

/** Reasons beyond this many are summed up in one line: a bad file can have thousands. */
const MAX_REASONS = 20;

/// Every reason `document` cannot be imported; empty when it can.
export function checkDocument(document: PortableDocument): string[] {
  const reasons: string[] = [];
  const { text } = document;
  if (!/\S/.test(text)) return [text === '' ? 'empty: there is no text' : 'there is only white space, no text'];
  if (text.includes('\u0000')) reasons.push('the text contains a NUL character, which Spanlab cannot store');

  // The map costs a pass over the text; a document without spans or blocks needs none.
  let map: OffsetMap | null = null;
  const offsets = () => (map ??= new OffsetMap(text, []));
  const slice = (start: number, end: number) => text.slice(offsets().toUtf16(start), offsets().toUtf16(end));

  const mentionIds = new Set<string>();
  for (const mention of document.mentions) {
    const name = mention.id;
    if (mentionIds.has(name)) reasons.push(`${name}: the id is used twice`);
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
        reasons.push(`${name}: span text ${quote(mention.text)} does not match text ${quote(actual)} at ${start}–${end}`);
      }
    }
  }

  const entityIds = new Set(document.entities.map((e) => e.id));
  for (const mention of document.mentions) {
    if (mention.entity !== null && !entityIds.has(mention.entity)) {
      reasons.push(`${mention.id}: refers to an entity ${mention.entity} that the document does not have`);
    }
  }

  const eventIds = new Set(document.events.map((e) => e.id));
  for (const event of document.events) {
    if (!mentionIds.has(event.trigger)) reasons.push(`${event.id}: its trigger ${event.trigger} is not a span of the document`);
    for (const argument of event.arguments) {
      const target = argument.mention ?? argument.event;
      if ((argument.mention === undefined) === (argument.event === undefined)) {
        reasons.push(`${event.id}: the ${argument.role} argument must name one mention or one event`);
      } else if (argument.mention !== undefined && !mentionIds.has(argument.mention)) {
        reasons.push(`${event.id}: its ${argument.role} argument ${target} is not in the document`);
      } else if (argument.event !== undefined && !eventIds.has(argument.event)) {
        reasons.push(`${event.id}: its ${argument.role} argument ${target} is not an event of the document`);
      } else if (argument.event === event.id) {
        reasons.push(`${event.id}: an event cannot be its own ${argument.role} argument`);
      }
    }
  }

  for (const relation of document.relations) {
    for (const end of [relation.from, relation.to]) {
      if (!mentionIds.has(end)) reasons.push(`${relation.id}: ${end} is not a span of the document`);
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

// Quoted for a report line: short, and on one line (JSON escapes line breaks and tabs).
function quote(text: string): string {
  const chars = Array.from(text);
  return JSON.stringify(chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : text);
}
