// Places where writing fails, for the disk-full and read-only tests, made with whatever this
// machine allows:
//   - a full disk: a tiny tmpfs (needs root and mount, as in a privileged container or a
//     developer's sudo), else a per-file size limit on the processes that write
//     (RLIMIT_FSIZE through `ulimit -f`; Node ignores SIGXFSZ, so the write fails with
//     EFBIG — SQLite then says SQLITE_IOERR_WRITE, which Spanlab tells as a full disk too);
//   - a read-only location: a tmpfs remounted read-only (root with mount), and file and
//     folder permissions — which do not stop root, so as root the process meeting them
//     runs as `nobody`.
// Each test runs with every method available and skips, saying why, only when none is.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProcessLimits } from './limitedSpawn';

/** A folder where writing fails once its trouble is switched on. */
export interface TroublePlace {
  /** How the trouble is made, for test names and figures. */
  method: string;
  dir: string;
  /** How to start a process that must meet the trouble (other processes, this one included, do not). */
  limits: ProcessLimits;
  /** Switches the trouble on (a read-only place is writable until then, to be set up). */
  begin(): void;
  /** Switches it off: space back, or writable again. */
  end(): void;
}

const NOBODY = 65534;

/// The ways to fill a disk here; `room` is the tmpfs's size or the largest file, in bytes.
export function fullDiskPlaces(room: { tmpfs: number; fileSize: number }): TroublePlace[] {
  const places: TroublePlace[] = [];
  if (canMount()) {
    const dir = freshDir('full-tmpfs');
    // Mounted roomy for the setup, shrunk when the trouble begins (tmpfs refuses to shrink
    // below what is in use, so the setup must stay under `room`).
    mount(dir, ['size=64m']);
    places.push({
      method: 'tmpfs',
      dir,
      limits: {},
      begin: () => remount(dir, [`size=${room.tmpfs}`]),
      end: () => remount(dir, ['size=64m']),
    });
  }
  if (process.platform !== 'win32') {
    places.push({
      method: 'file-size limit',
      dir: freshDir('full-fsize'),
      limits: { fileSizeLimit: room.fileSize },
      begin: () => {},
      end: () => {},
    });
  }
  return places;
}

/// The ways to make a folder (and the project in it) read-only here.
export function readOnlyPlaces(): TroublePlace[] {
  const places: TroublePlace[] = [];
  if (canMount()) {
    const dir = freshDir('ro-tmpfs');
    mount(dir, ['size=16m']);
    places.push({
      method: 'read-only tmpfs',
      dir,
      limits: {},
      begin: () => remount(dir, ['ro']),
      end: () => remount(dir, ['rw']),
    });
  }
  const root = process.getuid?.() === 0;
  if (process.platform !== 'win32' && (!root || canRunAsNobody())) {
    const dir = freshDir('ro-perms');
    fs.chmodSync(dir, 0o777);
    places.push({
      method: root ? 'permissions (as nobody)' : 'permissions',
      dir,
      limits: root ? { uid: NOBODY } : {},
      begin: () => {
        for (const name of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, name), 0o444);
        fs.chmodSync(dir, 0o555);
      },
      end: () => {
        fs.chmodSync(dir, 0o777);
        for (const name of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, name), 0o666);
      },
    });
  }
  return places;
}

/// A folder any user may write (the settings of a process running as nobody).
export function sharedDir(name: string): string {
  const dir = freshDir(name);
  fs.chmodSync(dir, 0o777);
  return dir;
}

let mountable: boolean | undefined;
function canMount(): boolean {
  if (mountable === undefined) {
    mountable = false;
    if (process.platform === 'linux' && process.getuid?.() === 0) {
      const dir = freshDir('probe');
      mountable = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status === 0;
      if (mountable) spawnSync('umount', [dir]);
    }
  }
  return mountable;
}

// Root can hand a child another uid unless the container forbids it, and nobody must be
// able to read the checkout (not so under a private home folder).
function canRunAsNobody(): boolean {
  const needed = [fileURLToPath(import.meta.url), fileURLToPath(import.meta.resolve('tsx'))];
  const check = `for (const f of ${JSON.stringify(needed)}) require('node:fs').accessSync(f, 4)`;
  try {
    return spawnSync(process.execPath, ['-e', check], { uid: NOBODY, gid: NOBODY }).status === 0;
  } catch {
    return false;
  }
}

function mount(dir: string, options: string[]): void {
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', options.join(','), 'tmpfs', dir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`mount ${dir}: ${result.stderr}`);
  fs.chmodSync(dir, 0o777);
}

function remount(dir: string, options: string[]): void {
  const result = spawnSync('mount', ['-o', ['remount', ...options].join(','), dir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`remount ${dir} ${options.join(',')}: ${result.stderr}`);
}

// Not under projectFixture's tempDir: that is removed at exit before the mounts would be
// unmounted. The system's temp folder is emptied by the OS; a mount point is removed here.
function freshDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `spanlab-${name}-`));
  fs.chmodSync(dir, 0o755);
  process.on('exit', () => {
    spawnSync('umount', ['-l', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}
