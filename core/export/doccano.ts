// `doccano`: doccano's JSONL import formats, one document a line, in one of two forms:
//
//   labels (sequence labeling):  {"id":"…","text":"…","label":[[0,6,"PER"],[16,26,"FAC"]]}
//   entities (relation extraction):
//     {"id":"…","text":"…","entities":[{"id":0,"label":"PER","start_offset":0,"end_offset":6},…],
//      "relations":[{"id":0,"from_id":0,"to_id":1,"type":"PHYS"}]}
//
// Offsets are code points (doccano works in Python strings); overlapping mentions are kept.

import { EXPORT_FORMATS } from '../../common/export';
import { CodePointText } from '../codePointText';
import type { ExportFormat } from './exportFormat';
import { ExportViolation } from './exportViolation';
import { LeftOut } from './leftOut';

export const doccano: ExportFormat = {
  info: EXPORT_FORMATS.doccano,
  create(context) {
    const entitiesForm = context.request.doccanoForm === 'entities';
    const leftOut = new LeftOut();
    return {
      write(document, sink) {
        const text = new CodePointText(document.text);
        const typed = document.mentions.filter((m) => m.label !== null);
        for (const m of typed) {
          if (!text.contains(m.start, m.end) || text.slice(m.start, m.end) !== m.text) {
            throw new ExportViolation('doccano', document.id, `${m.id} is not the text at ${m.start}–${m.end}`);
          }
          context.count(m.label!);
        }
        let line: object;
        if (!entitiesForm) {
          line = { id: document.id, text: document.text, label: typed.map((m) => [m.start, m.end, m.label]) };
          leftOut.add('relation', document.relations.length);
        } else {
          const number = new Map(typed.map((m, i) => [m.id, i]));
          const relations: { id: number; from_id: number; to_id: number; type: string }[] = [];
          for (const r of document.relations) {
            const from = number.get(r.from);
            const to = number.get(r.to);
            if (from === undefined || to === undefined) {
              context.issue(document.id, r.id, `${r.type} relation: one of its ends is an untyped span, which doccano cannot hold; left out`);
              continue;
            }
            relations.push({ id: relations.length, from_id: from, to_id: to, type: r.type });
            context.count(r.type);
          }
          line = {
            id: document.id,
            text: document.text,
            entities: typed.map((m, i) => ({ id: i, label: m.label, start_offset: m.start, end_offset: m.end })),
            relations,
          };
        }
        sink.append(`${JSON.stringify(line)}\n`);
        leftOut.add('event', document.events.length);
      },
      finish() {
        leftOut.report(context, 'doccano', entitiesForm ? 'entity mentions and relations' : 'entity mentions');
      },
    };
  },
};
