// What makes a portable document sound: blocks and mentions are spans of its text in code
// points, each mention's `text` is exactly the text it covers, ids are unique, and every
// reference (a mention's entity, an event's trigger and arguments, a relation's ends)
// names something in the same document. Readers check what they read with it; the
// lossless export checks what it writes with it.

import type { CodePointText } from '../codePointText';
import type { PortableDocument } from './portableDocument';
import { shortened } from '../reportText';

/** One thing wrong, with the path to it, e.g. `mentions.2.text`. */
export interface PortableDocumentProblem {
  path: string;
  message: string;
}

/// Every problem of `document`; empty when it is sound. `text` indexes `document.text`.
export function portableDocumentProblems(document: PortableDocument, text: CodePointText): PortableDocumentProblem[] {
  const problems: PortableDocumentProblem[] = [];
  // Ids come from the file and may be any length: what a problem quotes is cut short.
  const fail = (path: string, message: string) => problems.push({ path: shortened(path, 100), message: shortened(message, 200) });
  if (document.text.includes('\u0000')) fail('text', 'the text contains a NUL character, which Spanlab cannot store');

  let previousEnd = 0;
  document.blocks?.forEach((b, i) => {
    if (b.start < previousEnd || b.start >= b.end || b.end > text.length) {
      fail(`blocks.${i}`, `${b.start}–${b.end} is not a range of the text after the previous block`);
    }
    previousEnd = b.end;
  });

  const entities = uniqueIds(document.entities, 'entities', fail);
  const mentions = uniqueIds(document.mentions, 'mentions', fail);
  document.mentions.forEach((m, i) => {
    if (!text.contains(m.start, m.end)) {
      fail(`mentions.${i}`, `${m.start}–${m.end} is not a span of the text (${text.length} code points)`);
    } else {
      const covered = text.slice(m.start, m.end);
      if (m.text !== covered) {
        fail(`mentions.${i}.text`, `${JSON.stringify(m.text)} is not the text at ${m.start}–${m.end}, ${JSON.stringify(covered)}`);
      }
    }
    if (m.entity !== null && !entities.has(m.entity)) fail(`mentions.${i}.entity`, `there is no entity ${m.entity}`);
  });

  const events = uniqueIds(document.events, 'events', fail);
  document.events.forEach((e, i) => {
    if (!mentions.has(e.trigger)) fail(`events.${i}.trigger`, `there is no mention ${e.trigger}`);
    e.arguments.forEach((a, j) => {
      const path = `events.${i}.arguments.${j}`;
      if ((a.mention === undefined) === (a.event === undefined)) {
        fail(path, 'an argument names exactly one of "mention" and "event"');
      } else if (a.mention !== undefined && !mentions.has(a.mention)) {
        fail(`${path}.mention`, `there is no mention ${a.mention}`);
      } else if (a.event !== undefined && a.event === e.id) {
        fail(`${path}.event`, 'an event cannot be its own argument');
      } else if (a.event !== undefined && !events.has(a.event)) {
        fail(`${path}.event`, `there is no event ${a.event}`);
      }
    });
  });

  uniqueIds(document.relations, 'relations', fail);
  document.relations.forEach((r, i) => {
    if (!mentions.has(r.from)) fail(`relations.${i}.from`, `there is no mention ${r.from}`);
    if (!mentions.has(r.to)) fail(`relations.${i}.to`, `there is no mention ${r.to}`);
  });
  return problems;
}

function uniqueIds(items: readonly { id: string }[], path: string, fail: (path: string, message: string) => void): Set<string> {
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (ids.has(item.id)) fail(`${path}.${i}.id`, `the id ${item.id} is used twice`);
    ids.add(item.id);
  });
  return ids;
}
