// Starts a Node process the way the disk-trouble tests need it: as another user (so that
// file permissions hold even when the tests run as root), or unable to write a file past a
// size (a disk that fills up).

import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';

export interface ProcessLimits {
  /** Run as this user and group id (needs root). */
  uid?: number;
  /** Largest file the process may write, in bytes (RLIMIT_FSIZE; a write past it fails with EFBIG). */
  fileSizeLimit?: number;
}

/// Runs `node ...args` under `limits`.
export function spawnNode(args: string[], limits: ProcessLimits = {}, env: NodeJS.ProcessEnv = process.env): ChildProcessWithoutNullStreams {
  const node = [process.execPath, ...args];
  // Node ignores SIGXFSZ, so a write past the limit fails with EFBIG instead of killing it.
  const command =
    limits.fileSizeLimit === undefined
      ? node
      : ['bash', '-c', `ulimit -f ${Math.ceil(limits.fileSizeLimit / 1024)} && exec "$@"`, 'bash', ...node];
  return spawn(command[0]!, command.slice(1), {
    stdio: 'pipe',
    env,
    ...(limits.uid === undefined ? {} : { uid: limits.uid, gid: limits.uid }),
  });
}
