// `conll`: CoNLL-2003 style. A token and its tag per line separated by a space, IOB2
// tags (as the CoNLL-2003 copies on the Hugging Face hub use), a blank line after each
// sentence and `-DOCSTART- O` before each document unless `docstart` is false:
//
//   -DOCSTART- O
//
//   Rockets O
//   hit O
//   the B-FAC
//   Green I-FAC
//   Zone I-FAC
//   . O

import { EXPORT_FORMATS } from '../../common/export';
import { columnFormat } from './columnFormat';

export const conll = columnFormat({ info: EXPORT_FORMATS.conll, scheme: 'iob2', separator: ' ', docstart: '-DOCSTART- O' });
