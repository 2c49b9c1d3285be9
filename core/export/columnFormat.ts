// The token-per-line formats (conll, iob2, bioes) differ only in their tags, the column
// separator and the document marker, so they share this writer. Each sentence is its
// tokens, one per line with the tag in the second column, followed by a blank line.
// Tokens never contain whitespace (see tokenizer.ts), so the columns are unambiguous.

import type { ExportFormatInfo } from '../../common/export';
import type { ExportContext, ExportFormat, ExportWriter } from './exportFormat';
import { ExportViolation } from './exportViolation';
import { LeftOut } from './leftOut';
import type { TagScheme } from './tagSequence';
import { tagTokens } from './tagSequence';
import { TokenizedDocument } from './tokenizedDocument';
import { isWhitespace } from './tokenizer';

export interface ColumnLayout {
  info: ExportFormatInfo;
  scheme: TagScheme;
  separator: ' ' | '\t';
  /** The line written before each document when the request does not turn it off; null for none. */
  docstart: string | null;
}

/// An export format that writes `layout`.
export function columnFormat(layout: ColumnLayout): ExportFormat {
  return { info: layout.info, create: (context) => columnWriter(layout, context) };
}

function columnWriter(layout: ColumnLayout, context: ExportContext): ExportWriter {
  const format = layout.info.name;
  const keep = context.request.keep ?? 'outermost';
  const docstart = context.request.docstart === false ? null : layout.docstart;
  const leftOut = new LeftOut();
  return {
    write(document, sink) {
      const tokenized = new TokenizedDocument(document);
      const { tags, kept } = tagTokens(tokenized, layout.scheme, keep, format, (item, reason) =>
        context.issue(document.id, item, reason),
      );
      const lines: string[] = [];
      if (docstart !== null) lines.push(docstart, '');
      for (const sentence of tokenized.sentences) {
        for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
          const token = tokenized.tokens[t]!.text;
          if (token === '' || hasWhitespace(token)) {
            throw new ExportViolation(format, document.id, `token ${t} (${JSON.stringify(token)}) is empty or holds whitespace`);
          }
          lines.push(`${token}${layout.separator}${tags[t]!}`);
        }
        lines.push('');
      }
      sink.append(`${lines.join('\n')}\n`);
      for (const { mention } of kept) context.count(mention.label!);
      leftOut.add('event', document.events.length);
      leftOut.add('relation', document.relations.length);
    },
    finish() {
      leftOut.report(context, format, 'entity mentions');
    },
  };
}

// A loop rather than /\s/u: it runs for every token written.
function hasWhitespace(token: string): boolean {
  for (let i = 0; i < token.length; i++) if (isWhitespace(token.charCodeAt(i))) return true;
  return false;
}
