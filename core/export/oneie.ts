// `oneie`: the window form of OneIE and TextEE, one sentence window a line. Token indices
// are relative to the window and end-exclusive:
//
//   {"doc_id":"…","wnd_id":"…-0","text":"Rockets hit the Green Zone.","tokens":[…],
//    "entity_mentions":[{"id":"…-T2","entity_type":"FAC","text":"the Green Zone","start":2,"end":5}],
//    "relation_mentions":[{"id":"…-R1","relation_type":"PHYS","arguments":[{"entity_id":…,"role":"Arg-1","text":…},…]}],
//    "event_mentions":[{"id":"…-E1","event_type":"Conflict.Attack","trigger":{"text":"hit","start":1,"end":2},
//      "arguments":[{"entity_id":"…-T2","role":"Target","text":"the Green Zone","start":2,"end":5}]}]}
//
// `text` is the window's text. Triggers may be several tokens; an argument or relation
// that reaches outside its window, and a nested event, are reported and left out.

import { EXPORT_FORMATS } from '../../common/export';
import type { ExportFormat } from './exportFormat';
import type { PlacedMention } from './eventStructure';
import { eventStructure } from './eventStructure';
import { ExportViolation } from './exportViolation';
import { CodePointText } from '../codePointText';

export const oneie: ExportFormat = {
  info: EXPORT_FORMATS.oneie,
  create(context) {
    return {
      write(document, sink) {
        const issue = (item: string, reason: string) => context.issue(document.id, item, reason);
        const { tokenized, entities, events, relations } = eventStructure(document, { format: 'oneie', multiTokenTriggers: true }, issue);
        const text = new CodePointText(document.text);
        const id = (local: string) => `${document.id}-${local}`;
        const lines = tokenized.sentences.map((sentence, index) => {
          const offset = sentence.tokenStart;
          const local = (p: PlacedMention) => {
            const start = p.range.first - offset;
            const end = p.range.last + 1 - offset;
            if (p.sentence !== index || start < 0 || end > sentence.tokenEnd - offset) {
              throw new ExportViolation('oneie', document.id, `${p.mention.id} is not inside window ${index}`);
            }
            return { start, end };
          };
          const entityMentions = entities
            .filter((p) => p.sentence === index)
            .map((p) => {
              context.count(p.mention.label!);
              return { id: id(p.mention.id), entity_type: p.mention.label!, text: p.mention.text, ...local(p) };
            });
          const relationMentions = relations
            .filter((r) => r.from.sentence === index)
            .map(({ relation, from, to }) => {
              context.count(relation.type);
              return {
                id: id(relation.id),
                relation_type: relation.type,
                arguments: [
                  { entity_id: id(from.mention.id), role: 'Arg-1', text: from.mention.text },
                  { entity_id: id(to.mention.id), role: 'Arg-2', text: to.mention.text },
                ],
              };
            });
          const eventMentions = events
            .filter((e) => e.trigger.sentence === index)
            .map(({ event, trigger, arguments: args }) => {
              context.count(event.type);
              return {
                id: id(event.id),
                event_type: event.type,
                trigger: { text: trigger.mention.text, ...local(trigger) },
                arguments: args.map((a) => ({
                  entity_id: id(a.target.mention.id),
                  role: a.role,
                  text: a.target.mention.text,
                  ...local(a.target),
                })),
              };
            });
          const window = {
            doc_id: document.id,
            wnd_id: id(String(index)),
            text: text.slice(sentence.start, sentence.end),
            tokens: tokenized.tokens.slice(sentence.tokenStart, sentence.tokenEnd).map((t) => t.text),
            entity_mentions: entityMentions,
            relation_mentions: relationMentions,
            event_mentions: eventMentions,
          };
          return `${JSON.stringify(window)}\n`;
        });
        sink.append(lines.join(''));
      },
      finish() {},
    };
  },
};
