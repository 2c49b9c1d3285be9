// `spanlab-jsonl`: the lossless export (the format itself is core/formats/spanlabJsonl.ts).
// Each output starts with the header line carrying the label schema, so that a split's
// file is enough to rebuild a project; each document is checked whole before its line is
// written.

import { EXPORT_FORMATS } from '../../common/export';
import { CodePointText } from '../codePointText';
import { portableDocumentProblems } from '../formats/portableDocumentCheck';
import { writeSpanlabJsonlDocument, writeSpanlabJsonlHeader } from '../formats/spanlabJsonl';
import type { ExportFormat } from './exportFormat';
import { ExportViolation } from './exportViolation';

export const spanlabJsonl: ExportFormat = {
  info: EXPORT_FORMATS['spanlab-jsonl'],
  create(context) {
    return {
      begin(sink) {
        sink.append(writeSpanlabJsonlHeader(context.schema));
      },
      write(document, sink) {
        const problem = portableDocumentProblems(document, new CodePointText(document.text))[0];
        if (problem) throw new ExportViolation('spanlab-jsonl', document.id, `${problem.path}: ${problem.message}`);
        sink.append(writeSpanlabJsonlDocument(document));
        for (const m of document.mentions) if (m.label !== null) context.count(m.label);
        for (const e of document.events) context.count(e.type);
        for (const r of document.relations) context.count(r.type);
      },
      finish() {},
    };
  },
};
