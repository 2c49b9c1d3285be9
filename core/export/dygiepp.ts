// `dygiepp`: DyGIE++'s JSONL, one document a line. Token indices are document-level and
// end-inclusive; `ner`, `relations` and `events` have one list per sentence:
//
//   {"doc_key":"…","dataset":"spanlab","sentences":[["Rockets","hit","the","Green","Zone","."]],
//    "ner":[[[2,4,"FAC"]]],"relations":[[]],"clusters":[[[2,4],[9,10]]],
//    "events":[[[[1,"Conflict.Attack"],[0,0,"Instrument"],[2,4,"Target"]]]]}
//
// `clusters` are the mentions of the document linked to one entity (two or more). A
// trigger is one token; a longer trigger, an argument outside the trigger's sentence and a
// nested event are reported and left out, as is a relation across sentences.

import { EXPORT_FORMATS } from '../../common/export';
import type { ExportFormat } from './exportFormat';
import { eventStructure } from './eventStructure';
import { ExportViolation } from './exportViolation';

type Span = [number, number, string];

export const dygiepp: ExportFormat = {
  info: EXPORT_FORMATS.dygiepp,
  create(context) {
    return {
      write(document, sink) {
        const issue = (item: string, reason: string) => context.issue(document.id, item, reason);
        const { tokenized, entities, events, relations } = eventStructure(document, { format: 'dygiepp', multiTokenTriggers: false }, issue);
        const sentences = tokenized.sentences.map((s) => tokenized.tokens.slice(s.tokenStart, s.tokenEnd).map((t) => t.text));
        const ner: Span[][] = sentences.map(() => []);
        const rel: [number, number, number, number, string][][] = sentences.map(() => []);
        const evt: [[number, string], ...Span[]][][] = sentences.map(() => []);
        const inSentence = (sentence: number, token: number) => {
          const s = tokenized.sentences[sentence]!;
          if (token < s.tokenStart || token >= s.tokenEnd) {
            throw new ExportViolation('dygiepp', document.id, `token ${token} is not in sentence ${sentence}`);
          }
          return token;
        };

        const clusters = new Map<string, [number, number][]>();
        for (const { mention, range, sentence } of entities) {
          ner[sentence]!.push([inSentence(sentence, range.first), inSentence(sentence, range.last), mention.label!]);
          context.count(mention.label!);
          if (mention.entity !== null) {
            const cluster = clusters.get(mention.entity) ?? [];
            cluster.push([range.first, range.last]);
            clusters.set(mention.entity, cluster);
          }
        }
        for (const { relation, from, to } of relations) {
          rel[from.sentence]!.push([from.range.first, from.range.last, to.range.first, to.range.last, relation.type]);
          context.count(relation.type);
        }
        for (const { event, trigger, arguments: args } of events) {
          const s = trigger.sentence;
          evt[s]!.push([
            [inSentence(s, trigger.range.first), event.type],
            ...args.map((a): Span => [inSentence(s, a.target.range.first), inSentence(s, a.target.range.last), a.role]),
          ]);
          context.count(event.type);
        }
        const line = {
          doc_key: document.id,
          dataset: 'spanlab',
          sentences,
          ner,
          relations: rel,
          clusters: [...clusters.values()].filter((c) => c.length > 1),
          events: evt,
        };
        sink.append(`${JSON.stringify(line)}\n`);
      },
      finish() {},
    };
  },
};
