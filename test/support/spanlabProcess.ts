// Runs the real `spanlab` command (bin/spanlab.mjs, through tsx as after `npm ci`) in a
// child process, with its settings in a throwaway folder, never the user's.

import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProcessLimits } from './limitedSpawn';
import { spawnNode } from './limitedSpawn';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/spanlab.mjs');

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/// Starts `spanlab <args>`; `settingsDir` becomes $SPANLAB_SETTINGS_DIR.
export function startSpanlab(args: string[], settingsDir: string, limits: ProcessLimits = {}): ChildProcessWithoutNullStreams {
  const env: NodeJS.ProcessEnv = { ...process.env, SPANLAB_SETTINGS_DIR: settingsDir };
  delete env.SPANLAB_DEBUG;
  return spawnNode([bin, ...args], limits, env);
}

/// Waits for a started command to end and collects what it printed.
export function finished(child: ChildProcessWithoutNullStreams): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/// Runs `spanlab <args>` to the end.
export function runSpanlab(args: string[], settingsDir: string, limits: ProcessLimits = {}): Promise<Finished> {
  return finished(startSpanlab(args, settingsDir, limits));
}
