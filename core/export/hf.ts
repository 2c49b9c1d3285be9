// `hf`: token classification data as the Hugging Face `datasets` JSON loader and the
// token-classification examples expect it. A folder with `data.jsonl` (or `train.jsonl`,
// `dev.jsonl`, `test.jsonl` with a split), one row per sentence (or per document with
// `level: 'document'`):
//
//   {"id":"…-0","document":"…","tokens":["Rockets","hit","the","Green","Zone","."],"ner_tags":[0,0,9,10,10,0]}
//
// and `labels.json`, the tag of each integer: {"id2label":{"0":"O","1":"B-PER",…},"label2id":{…}}.
// The tags are IOB2 over the schema's entity types (those chosen, when labels were chosen),
// in schema order, so the numbering is the same in every export of the project.

import { EXPORT_FORMATS } from '../../common/export';
import type { ExportFormat } from './exportFormat';
import { ExportViolation } from './exportViolation';
import { LeftOut } from './leftOut';
import { tagTokens } from './tagSequence';
import { TokenizedDocument } from './tokenizedDocument';

export const hf: ExportFormat = {
  info: EXPORT_FORMATS.hf,
  create(context) {
    const chosen = context.request.labels ? new Set(context.request.labels) : null;
    const tagNames = ['O'];
    for (const type of context.schema.entityTypes) {
      if (!chosen || chosen.has(type.name)) tagNames.push(`B-${type.name}`, `I-${type.name}`);
    }
    const tagIds = new Map(tagNames.map((tag, id) => [tag, id]));
    const keep = context.request.keep ?? 'outermost';
    const byDocument = context.request.level === 'document';
    const leftOut = new LeftOut();
    return {
      write(document, sink) {
        const tokenized = new TokenizedDocument(document);
        const { tags, kept } = tagTokens(tokenized, 'iob2', keep, 'hf', (item, reason) => context.issue(document.id, item, reason));
        const ids = tags.map((tag, t) => {
          const id = tagIds.get(tag);
          if (id === undefined) throw new ExportViolation('hf', document.id, `token ${t}'s tag ${tag} is not in labels.json`);
          return id;
        });
        const texts = tokenized.tokens.map((t) => t.text);
        const rows = byDocument
          ? [{ id: document.id, document: document.id, tokens: texts, ner_tags: ids }]
          : tokenized.sentences.map((s, i) => ({
              id: `${document.id}-${i}`,
              document: document.id,
              tokens: texts.slice(s.tokenStart, s.tokenEnd),
              ner_tags: ids.slice(s.tokenStart, s.tokenEnd),
            }));
        sink.append(rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
        for (const { mention } of kept) context.count(mention.label!);
        leftOut.add('event', document.events.length);
        leftOut.add('relation', document.relations.length);
      },
      finish(root) {
        const id2label = Object.fromEntries(tagNames.map((tag, id) => [String(id), tag]));
        const label2id = Object.fromEntries(tagNames.map((tag, id) => [tag, id]));
        root.file('labels.json', `${JSON.stringify({ scheme: 'IOB2', id2label, label2id }, null, 2)}\n`);
        leftOut.report(context, 'hf', 'entity mentions');
      },
    };
  },
};
