// `bioes`: like `iob2`, with the last token of a mention tagged E- and a one-token mention
// S- (the scheme also known as BILOU / IOBES).

import { EXPORT_FORMATS } from '../../common/export';
import { columnFormat } from './columnFormat';

export const bioes = columnFormat({ info: EXPORT_FORMATS.bioes, scheme: 'bioes', separator: '\t', docstart: null });
