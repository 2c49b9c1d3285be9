// Runs a child process (a Spanlab command, a workload script) and SIGKILLs it at a chosen
// moment: after a delay, or once it has printed a line that says enough has happened. No
// signal handler, no cleanup, no flush: what the crash harness checks is what a power cut
// or `kill -9` leaves.

import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

export type KillTrigger =
  /** Kill this long after the start. */
  | { afterMs: number }
  /** Kill `thenMs` after the first stdout line for which `line` is true. */
  | { line: (line: string) => boolean; thenMs: number }
  /** Kill `thenMs` after `poll` (asked every few milliseconds) first returns true. */
  | { poll: () => boolean; thenMs: number };

export interface ChildEnd {
  /** Whether the kill ended it (else it had ended on its own first). */
  killed: boolean;
  code: number | null;
  /** Every stdout line it printed before it ended. */
  lines: string[];
  stderr: string;
}

const supportDir = path.dirname(fileURLToPath(import.meta.url));

/// Starts `node --import tsx test/support/<script> ...args`.
export function startScript(script: string, args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', path.join(supportDir, script), ...args], { stdio: 'pipe' });
}

/// Waits for `child` to end, killing it as `trigger` says.
export function killAt(child: ChildProcessWithoutNullStreams, trigger: KillTrigger): Promise<ChildEnd> {
  const lines: string[] = [];
  let stderr = '';
  let timer: NodeJS.Timeout | undefined;
  let poller: NodeJS.Timeout | undefined;
  let armed = false;
  const kill = (delay: number) => {
    if (armed) return;
    armed = true;
    timer = setTimeout(() => child.kill('SIGKILL'), delay);
  };
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    if ('line' in trigger && !armed && trigger.line(line)) kill(trigger.thenMs);
  });
  if ('afterMs' in trigger) kill(trigger.afterMs);
  if ('poll' in trigger) {
    poller = setInterval(() => {
      if (!armed && trigger.poll()) kill(trigger.thenMs);
    }, 3);
  }
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(poller);
      resolve({ killed: signal === 'SIGKILL', code, lines, stderr });
    });
  });
}

/** One try at a kill: the child, when to kill it, and what to undo once it has ended. */
export interface KillAttempt {
  child: ChildProcessWithoutNullStreams;
  trigger: KillTrigger;
  ended?(): void;
}

/// Kills a child mid-work. A child that finishes before its kill (the machine was quicker
/// than the trigger guessed) must have succeeded; `attempt` is then called again with the
/// try's number, to set up afresh and aim earlier. Gives up after a few tries.
export async function killMidway(attempt: (n: number) => KillAttempt): Promise<ChildEnd & { finishedFirst: number }> {
  for (let n = 0; n < 6; n++) {
    const { child, trigger, ended } = attempt(n);
    const end = await killAt(child, trigger).finally(() => ended?.());
    if (end.killed) return { ...end, finishedFirst: n };
    if (end.code !== 0) throw new Error(`the child failed before its kill (exit ${end.code}): ${end.stderr.slice(0, 2_000)}`);
  }
  throw new Error('the child finished before every kill aimed at it');
}
