// `spacy-jsonl`: the JSONL Prodigy writes and spaCy's tooling reads, one document a line:
//
//   {"text":"Rockets hit the Green Zone.","meta":{"id":"…","title":"…"},
//    "tokens":[{"text":"Rockets","start":0,"end":7,"id":0,"ws":true},…],
//    "spans":[{"start":12,"end":26,"token_start":2,"token_end":4,"label":"FAC"}]}
//
// `start`/`end` are code-point offsets (Python's), `token_end` is inclusive as Prodigy
// writes it, and `ws` says whether whitespace follows the token. Overlapping spans are
// kept: the format holds them (spaCy's `doc.spans` does; `doc.ents` would not).

import { EXPORT_FORMATS } from '../../common/export';
import { CodePointText } from '../codePointText';
import type { ExportFormat } from './exportFormat';
import { ExportViolation } from './exportViolation';
import { LeftOut } from './leftOut';
import { TokenizedDocument } from './tokenizedDocument';
import { isWhitespace } from './tokenizer';

export const spacyJsonl: ExportFormat = {
  info: EXPORT_FORMATS['spacy-jsonl'],
  create(context) {
    const leftOut = new LeftOut();
    return {
      write(document, sink) {
        const text = new CodePointText(document.text);
        const tokenized = new TokenizedDocument(document);
        const tokens = tokenized.tokens.map((t, id) => ({
          text: t.text,
          start: t.start,
          end: t.end,
          id,
          ws: t.end < text.length && isWhitespace(document.text.charCodeAt(text.utf16(t.end))),
        }));
        const spans: { start: number; end: number; token_start: number; token_end: number; label: string }[] = [];
        for (const m of document.mentions) {
          if (m.label === null) continue;
          const range = tokenized.tokensOf(m);
          if (!range) {
            context.issue(document.id, m.id, `${tokenized.misalignment(m)}; left out`);
            continue;
          }
          const first = tokens[range.first]!;
          const last = tokens[range.last]!;
          if (first.start !== m.start || last.end !== m.end || text.slice(m.start, m.end) !== m.text) {
            throw new ExportViolation('spacy-jsonl', document.id, `the span of ${m.id} does not match its tokens and text`);
          }
          spans.push({ start: m.start, end: m.end, token_start: range.first, token_end: range.last, label: m.label });
          context.count(m.label);
        }
        const line = { text: document.text, meta: { id: document.id, title: document.title }, tokens, spans };
        sink.append(`${JSON.stringify(line)}\n`);
        leftOut.add('event', document.events.length);
        leftOut.add('relation', document.relations.length);
      },
      finish() {
        leftOut.report(context, 'spacy-jsonl', 'entity spans');
      },
    };
  },
};
