// Where an export's bytes go while it runs, and how they reach their final name. Everything
// is written beside the target under a hidden temporary name (`.<name>.spanlab-tmp-…`, the
// same folder so that the final rename cannot cross file systems) and renamed into place
// only once complete: a crashed or cancelled export never leaves a half-written file under
// the name the analyst chose. A folder output (brat, hf, any split) is built as a
// temporary folder and renamed the same way.
//
// A temporary name carries this machine's tag and the process id, so the next export to
// the same name can tell the leftovers of a killed export (the machine's own, its process
// gone) from those of one still running, and removes them. A full or read-only disk stops
// the export with a `disk_full` or `read_only` error naming the output; the temporary
// output is removed, so nothing is left under the final name either way.
//
// An existing file is replaced, as any save replaces it. An existing folder is replaced
// only when it is empty or holds a previous Spanlab export (its .spanlab/export-report.json
// says so): Spanlab never deletes files it did not write.

import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import type { ExportFormatInfo, SplitName } from '../../../common/export';
import { SpanlabError } from '../../../common/errors';
import type { ExportSink } from '../../../core/export/exportFormat';
import { storageError, storageTrouble } from '../../../db/storageTrouble';

/**
 * The report written into every folder output; it also marks the folder as Spanlab's. In a
 * hidden folder, so that importing the folder (Spanlab's importer, brat) passes it over.
 */
export const REPORT_FILE = '.spanlab/export-report.json';

/** How many file names the report lists. */
const LISTED_FILES = 20;
/** Appended text is written in blocks of this many bytes. */
const BLOCK = 1 << 20;
/** Marks the temporary names of this machine (several may share a network folder). */
const HOST = createHash('sha256').update(os.hostname()).digest('hex').slice(0, 8);
/** What follows `.<name>.spanlab-tmp-` in a temporary name: host, process, random, `-old`. */
const TEMP_SUFFIX = /^([0-9a-f]{8})-(\d+)-[0-9a-f]{12}(?:-old)?$/;

export class ExportOutput {
  private readonly appended = new Map<string, AppendedFile>();
  private readonly folders = new Set<string>();
  private readonly listed: string[] = [];
  private count = 0;
  private done = false;

  private constructor(
    /** The final path. */
    readonly out: string,
    private readonly temp: string,
    /** Whether `out` is a folder (else a single file). */
    readonly folder: boolean,
    private readonly format: ExportFormatInfo,
    private readonly replaced: 'nothing' | 'file' | 'folder',
  ) {}

  /// Checks `out` (absolute) and prepares the temporary output. A split makes any format a folder.
  static open(out: string, format: ExportFormatInfo, split: boolean): ExportOutput {
    const folder = format.layout === 'directory' || split;
    const parent = path.dirname(out);
    if (!fs.statSync(parent, { throwIfNoEntry: false })?.isDirectory()) {
      throw new SpanlabError('io', `The folder ${parent} does not exist; create it or choose another place.`, 'out');
    }
    const existing = fs.statSync(out, { throwIfNoEntry: false });
    let replaced: 'nothing' | 'file' | 'folder' = 'nothing';
    if (existing?.isDirectory()) {
      if (!folder) {
        throw new SpanlabError('conflict', `${out} is a folder, and ${format.name} writes a file: choose a file name.`, 'out');
      }
      const entries = fs.readdirSync(out);
      if (entries.length > 0 && !fs.existsSync(path.join(out, REPORT_FILE))) {
        throw new SpanlabError(
          'conflict',
          `${out} already holds files that are not a Spanlab export; choose a new or empty folder ` +
            '(Spanlab never deletes files it did not write).',
          'out',
        );
      }
      replaced = 'folder';
    } else if (existing) {
      if (folder) {
        const why = split ? 'a split export writes a folder' : `${format.name} writes a folder`;
        throw new SpanlabError('conflict', `${out} is a file, and ${why}: choose a folder name.`, 'out');
      }
      replaced = 'file';
    }
    removeLeftovers(out);
    const temp = path.join(parent, `${tempPrefix(out)}${HOST}-${process.pid}-${randomBytes(6).toString('hex')}`);
    const output = new ExportOutput(out, temp, folder, format, replaced);
    output.written(() => {
      if (folder) fs.mkdirSync(temp);
      else output.appended.set('', new AppendedFile(temp));
    });
    return output;
  }

  /// The sink of one split (null: the whole export). A split's data file is created at
  /// once, so that every split has its file even when no document fell into it.
  sink(split: SplitName | null): ExportSink {
    const dataFile = this.folder ? `${split ?? 'data'}${this.format.extension}` : '';
    if (this.folder && this.format.dataFile) this.appendedFile(dataFile);
    return {
      append: (text) => this.written(() => this.appendedFile(dataFile).append(text)),
      file: (name, text) => this.written(() => this.writeFile(split === null ? name : `${split}/${name}`, text)),
    };
  }

  /// The top of the export: files such as annotation.conf and labels.json.
  get root(): ExportSink {
    return {
      append: () => {
        throw new Error('bug: the root of an export takes whole files only');
      },
      file: (name, text) => this.written(() => this.writeFile(name, text)),
    };
  }

  /// The first file names written (relative to `out`), and how many there are.
  files(): { names: string[]; count: number } {
    const names = this.folder ? this.listed : [path.basename(this.out)];
    return { names: [...names], count: this.folder ? this.count : 1 };
  }

  /// Finishes every file and moves the output to its final name.
  commit(): void {
    this.written(() => this.moveIntoPlace());
    this.done = true;
  }

  private moveIntoPlace(): void {
    for (const file of this.appended.values()) file.close();
    if (!this.folder) {
      fs.renameSync(this.temp, this.out);
    } else if (this.replaced === 'folder') {
      // The old export goes aside first, so that the new one takes its name in one step.
      const old = `${this.temp}-old`;
      fs.renameSync(this.out, old);
      fs.renameSync(this.temp, this.out);
      fs.rmSync(old, { recursive: true, force: true });
    } else {
      fs.renameSync(this.temp, this.out);
    }
  }

  /// Throws the temporary output away (after a failure or a cancel). Never throws.
  discard(): void {
    if (this.done) return;
    for (const file of this.appended.values()) file.abandon();
    fs.rmSync(this.temp, { recursive: true, force: true });
    this.done = true;
  }

  // Runs a write; a full or read-only disk becomes the error the analyst reads.
  private written<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      const trouble = storageTrouble(error);
      if (trouble === null) throw error;
      throw storageError(trouble, this.out, 'The export was not written, and nothing was left under that name.');
    }
  }

  private appendedFile(name: string): AppendedFile {
    let file = this.appended.get(name);
    if (!file) {
      file = new AppendedFile(path.join(this.temp, name));
      this.appended.set(name, file);
      this.list(name);
    }
    return file;
  }

  private writeFile(name: string, text: string): void {
    if (!this.folder) throw new Error(`bug: a single-file export cannot hold ${name}`);
    const parts = name.split('/');
    if (parts.length > 2 || parts.some((p) => p === '' || p === '.' || p === '..' || /[\\:]/u.test(p))) {
      throw new Error(`bug: ${JSON.stringify(name)} is not a plain file name`);
    }
    if (parts.length === 2 && !this.folders.has(parts[0]!)) {
      fs.mkdirSync(path.join(this.temp, parts[0]!), { recursive: true });
      this.folders.add(parts[0]!);
    }
    fs.writeFileSync(path.join(this.temp, name), text, { flag: 'wx' });
    this.list(name);
  }

  private list(name: string): void {
    this.count++;
    if (this.listed.length < LISTED_FILES) this.listed.push(name);
  }
}

function tempPrefix(out: string): string {
  return `.${path.basename(out)}.spanlab-tmp-`;
}

// Removes what killed exports to `out` left beside it: temporary names of this machine
// whose process is gone. Never fails the export: at worst a leftover stays.
function removeLeftovers(out: string): void {
  const parent = path.dirname(out);
  const prefix = tempPrefix(out);
  try {
    for (const name of fs.readdirSync(parent)) {
      const match = name.startsWith(prefix) ? TEMP_SUFFIX.exec(name.slice(prefix.length)) : null;
      if (match && match[1] === HOST && !running(Number(match[2]))) {
        fs.rmSync(path.join(parent, name), { recursive: true, force: true });
      }
    }
  } catch {
    // An unreadable folder fails the export itself a moment later, with a clearer message.
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

// A file written in large blocks, synced to disk before it is renamed into place. Text is
// encoded into the block as it is appended, not held and joined at the end of a block: one
// copy less, and no line lives long enough to be moved out of the heap's young generation.
class AppendedFile {
  private readonly fd: number;
  private readonly block = Buffer.allocUnsafe(BLOCK);
  private used = 0;
  private open = true;

  constructor(file: string) {
    this.fd = fs.openSync(file, 'wx');
  }

  append(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.used + text.length * 3 > BLOCK) {
      this.flush();
      if (text.length * 3 > BLOCK) {
        this.writeAll(Buffer.from(text));
        return;
      }
    }
    this.used += this.block.write(text, this.used);
  }

  close(): void {
    if (!this.open) return;
    this.flush();
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
    this.open = false;
  }

  abandon(): void {
    if (!this.open) return;
    this.open = false;
    try {
      fs.closeSync(this.fd);
    } catch {
      // Already gone with the folder; nothing to keep.
    }
  }

  private flush(): void {
    this.writeAll(this.block.subarray(0, this.used));
    this.used = 0;
  }

  // A write may take fewer bytes than it is given (a full disk throws on the next one).
  private writeAll(bytes: Buffer): void {
    for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(this.fd, bytes, offset, bytes.length - offset);
  }
}
