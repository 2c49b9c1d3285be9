// The error that stops an export. Every writer checks what it writes as it writes it
// (offsets against the text, one tag per token, arguments against exported mentions); a
// check that fails means a bug or damaged data, and a training set that is quietly wrong
// is worse than none, so the export stops and the temporary output is thrown away.

import { SpanlabError } from '../../common/errors';

export class ExportViolation extends SpanlabError {
  constructor(format: string, document: string, problem: string) {
    super(
      'internal',
      `The ${format} export stopped at document ${document}: ${problem}. Nothing was written; please report this.`,
    );
  }
}
