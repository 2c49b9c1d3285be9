// Every export format's writer, by name. Adding a format is a file in this folder, a line
// here and an entry in common/export.ts (which the contract, the CLI and the dialog read).

import type { ExportFormatName } from '../../common/export';
import { bioes } from './bioes';
import { brat } from './brat';
import { conll } from './conll';
import { doccano } from './doccano';
import { dygiepp } from './dygiepp';
import type { ExportFormat } from './exportFormat';
import { hf } from './hf';
import { iob2 } from './iob2';
import { oneie } from './oneie';
import { spacyJsonl } from './spacyJsonl';
import { spanlabJsonl } from './spanlabJsonl';

export const EXPORT_WRITERS: Readonly<Record<ExportFormatName, ExportFormat>> = {
  'spanlab-jsonl': spanlabJsonl,
  brat,
  conll,
  iob2,
  bioes,
  'spacy-jsonl': spacyJsonl,
  doccano,
  hf,
  dygiepp,
  oneie,
};
