// Which reader a file goes to: by its extension, and by its content where the extension
// says little (.txt may hold CoNLL tokens; a file without extension may be HTML or JSON).
// The analyst can force one format for every file (`--format`); brat's annotation.conf is
// always the schema, never a document.

import type { ImportFormat } from '../../common/importReport';
import { looksLikeConll } from './conll';

/** What to do with one file of a batch. */
export type FileRole =
  | { role: 'document'; format: ImportFormat; markdown: boolean }
  /** The .ann half of a brat pair: read with its .txt. */
  | { role: 'annotations' }
  /** An annotation.conf: merged into the project's schema. */
  | { role: 'schema' }
  /** The name says nothing: decide by the first bytes (formatOfContent). */
  | { role: 'sniff' }
  | { role: 'skip'; reason: string };

// Formats known not to be text: not even opened to sniff.
const BINARY_EXTENSIONS = new Set([
  'pdf', 'doc', 'docx', 'odt', 'rtf', 'xls', 'xlsx', 'ppt', 'pptx', 'zip', 'gz', 'tgz', 'bz2', 'xz', '7z', 'rar',
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'bmp', 'tif', 'tiff', 'mp3', 'mp4', 'wav', 'mov', 'avi',
  'exe', 'dll', 'so', 'dylib', 'bin', 'db', 'sqlite', 'spanlab', 'conf',
]);

const BY_EXTENSION: Record<string, ImportFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'txt',
  markdown: 'txt',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  json: 'json',
  csv: 'csv',
  tsv: 'csv',
  tab: 'csv',
  conll: 'conll',
  conllx: 'conll',
  iob: 'conll',
  iob2: 'conll',
  bio: 'conll',
  bioes: 'conll',
  bilou: 'conll',
};

/// The role of `file` by its name. `hasAnnotations` says whether a brat .ann with the same
/// name lies beside it. A .txt may still turn out to be CoNLL (see textFormat).
export function fileRole(file: string, hasAnnotations: boolean, forced: ImportFormat | null): FileRole {
  const name = file.split(/[\\/]/).pop() ?? file;
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const markdown = extension === 'md' || extension === 'markdown';
  if (name === 'annotation.conf') return { role: 'schema' };
  if (extension === 'ann') return { role: 'annotations' };
  if (name.startsWith('.')) return { role: 'skip', reason: 'a hidden file' };
  if (forced) return { role: 'document', format: forced, markdown };
  if (hasAnnotations) return { role: 'document', format: 'brat', markdown: false };
  const byExtension = BY_EXTENSION[extension];
  if (byExtension) return { role: 'document', format: byExtension, markdown };
  if (extension === '' || !BINARY_EXTENSIONS.has(extension)) return { role: 'sniff' };
  return unsupported(extension);
}

/// A plain .txt whose lines are tokens and tags is CoNLL.
export function textFormat(text: string): ImportFormat {
  return looksLikeConll(text) ? 'conll' : 'txt';
}

/// The format of a file whose name says nothing, from its first few KB; a skip otherwise.
export function sniffedRole(file: string, head: string): FileRole {
  const format = formatOfContent(head);
  if (format) return { role: 'document', format, markdown: false };
  return unsupported(/\.([^.]+)$/.exec(file)?.[1]?.toLowerCase() ?? '');
}

function unsupported(extension: string): FileRole {
  const what = extension ? `.${extension} files are` : 'a file without an extension is';
  return { role: 'skip', reason: `not a supported format (${what} not text, HTML, JSON, CSV, brat or CoNLL)` };
}

// Content that names its format whatever the file is called.
function formatOfContent(head: string): ImportFormat | null {
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (/^<(?:!doctype html|html[\s>])/i.test(start)) return 'html';
  if (start.startsWith('{')) return 'jsonl';
  if (start.startsWith('[')) return 'json';
  if (looksLikeConll(head)) return 'conll';
  return null;
}
