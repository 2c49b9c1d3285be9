// The files of a batch: what the analyst named (files, and folders taken recursively),
// each given its role (core/import/formatDetection.ts) — a document in some format, the
// .ann of a brat pair, an annotation.conf, or a file left aside with its reason. Listing
// comes first so that progress can say "file 12 of 10,000" and estimate from the bytes.
// Synchronous, like the reads of the import (see batchImport.ts): it runs in the worker.

import fs from 'node:fs';
import path from 'node:path';
import type { ImportFormat, ImportIssue } from '../../../common/importReport';
import type { FileRole } from '../../../core/import/formatDetection';
import { fileRole, sniffedRole } from '../../../core/import/formatDetection';

/** Bytes read to recognise a file whose name says nothing. */
const SNIFF_BYTES = 4096;

export interface BatchFile {
  path: string;
  /** How the report names it: the path as given, or a dropped file's own name. */
  name: string;
  size: number;
  role: Exclude<FileRole, { role: 'sniff' } | { role: 'annotations' } | { role: 'skip' }>;
  /** For a brat document: its .ann. */
  annotations?: { path: string; name: string; size: number };
}

export interface BatchFiles {
  /** annotation.conf files first (the schema before the documents), then documents in path order. */
  files: BatchFile[];
  skipped: ImportIssue[];
  errors: ImportIssue[];
  bytes: number;
}

/// Lists and classifies the files under `paths`. `names` renames files for the report
/// (dropped files live in a temporary folder but are reported by their own names).
export function collectFiles(
  paths: readonly string[],
  forced: ImportFormat | null,
  names: ReadonlyMap<string, string> = new Map(),
): BatchFiles {
  const found = new Map<string, { name: string; size: number }>();
  const errors: ImportIssue[] = [];
  const skipped: ImportIssue[] = [];
  for (const given of paths) {
    const absolute = path.resolve(given);
    const nameOf = (file: string) =>
      names.get(file) ?? (file === absolute ? given : path.join(given, path.relative(absolute, file)));
    let info;
    try {
      info = fs.statSync(absolute);
    } catch (error) {
      errors.push({ file: names.get(absolute) ?? given, reason: fileSystemReason(error) });
      continue;
    }
    if (info.isDirectory()) {
      walk(absolute, path.normalize(given), (file, name, size) => found.set(file, { name: names.get(file) ?? name, size }), skipped);
    } else if (info.isFile()) {
      found.set(absolute, { name: nameOf(absolute), size: info.size });
    } else {
      skipped.push({ file: nameOf(absolute), reason: 'not a regular file' });
    }
  }

  const files: BatchFile[] = [];
  const annotations = new Map<string, { path: string; name: string; size: number }>();
  for (const [file, { name, size }] of found) {
    if (path.extname(file).toLowerCase() === '.ann') annotations.set(withoutExtension(file), { path: file, name, size });
  }
  const paired = new Set<string>();
  for (const [file, { name, size }] of [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const ann = path.extname(file).toLowerCase() === '.txt' ? annotations.get(withoutExtension(file)) : undefined;
    let role = fileRole(file, ann !== undefined && wantsBrat(forced), forced);
    if (role.role === 'sniff') role = sniffedRole(file, head(file));
    switch (role.role) {
      case 'document':
        if (role.format === 'brat') {
          if (!ann) {
            errors.push({ file: name, reason: 'a brat document needs its .ann beside it (same name)' });
            continue;
          }
          paired.add(ann.path);
          files.push({ path: file, name, size, role, annotations: ann });
        } else {
          files.push({ path: file, name, size, role });
        }
        break;
      case 'schema':
        files.push({ path: file, name, size, role });
        break;
      case 'skip':
        skipped.push({ file: name, reason: role.reason });
        break;
      case 'annotations':
        break; // handled with its .txt, below
      case 'sniff':
        break; // resolved above
    }
  }
  for (const ann of annotations.values()) {
    if (paired.has(ann.path)) continue;
    if (wantsBrat(forced)) errors.push({ file: ann.name, reason: 'a brat .ann without its .txt (same name) beside it' });
    else skipped.push({ file: ann.name, reason: `a brat .ann is read with its .txt, not as ${forced}` });
  }

  files.sort((a, b) => Number(b.role.role === 'schema') - Number(a.role.role === 'schema'));
  const bytes = files.reduce((sum, f) => sum + f.size + (f.annotations?.size ?? 0), 0);
  return { files, skipped, errors, bytes };
}

/// A file-system error as a report reason ("no such file or folder"…).
export function fileSystemReason(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'a folder, not a file';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function wantsBrat(forced: ImportFormat | null): boolean {
  return forced === null || forced === 'brat';
}

// Every regular file under `dir` (named `name` in the report), depth first in name order;
// hidden folders (.git…) are passed over and symbolic links to folders not followed (they
// can loop). Paths are joined by hand: `dir` and `name` are normalised already and an
// entry's name is one plain segment, and path.join's normalising was most of the time a
// 10,000-file folder took to list.
function walk(dir: string, name: string, add: (file: string, name: string, size: number) => void, skipped: ImportIssue[]): void {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    skipped.push({ file: name, reason: fileSystemReason(error) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = joinSegment(dir, entry.name);
    const entryName = joinSegment(name, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) walk(full, entryName, add, skipped);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      try {
        const info = fs.statSync(full);
        if (info.isFile()) add(full, entryName, info.size);
      } catch (error) {
        skipped.push({ file: entryName, reason: fileSystemReason(error) });
      }
    }
  }
}

// path.join(parent, segment) for a normalised `parent` and a plain `segment`.
function joinSegment(parent: string, segment: string): string {
  if (parent === '.') return segment;
  return parent.endsWith(path.sep) ? parent + segment : parent + path.sep + segment;
}

function head(file: string): string {
  let handle: number | null = null;
  try {
    handle = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const bytesRead = fs.readSync(handle, buffer, 0, SNIFF_BYTES, 0);
    return new TextDecoder('utf-8').decode(buffer.subarray(0, bytesRead));
  } catch {
    return '';
  } finally {
    if (handle !== null) fs.closeSync(handle);
  }
}

function withoutExtension(file: string): string {
  return file.slice(0, file.length - path.extname(file).length);
}
