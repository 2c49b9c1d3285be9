// `iob2`: a token, a tab and its IOB2 tag per line (B- on a mention's first token, I- on
// the rest, O outside), a blank line after each sentence. Documents simply follow one
// another; use `conll` to keep their boundaries.

import { EXPORT_FORMATS } from '../../common/export';
import { columnFormat } from './columnFormat';

export const iob2 = columnFormat({ info: EXPORT_FORMATS.iob2, scheme: 'iob2', separator: '\t', docstart: null });
