// The parent's side of workspaceServer.ts: a Workspace in another process, as a second
// window or another user of the same project file is, called through the contract; it may
// run under limits (limitedSpawn.ts).

import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { CallName } from '../../common/contract';
import type { CallResult } from '../../common/errors';
import type { ProcessLimits } from './limitedSpawn';
import { spawnNode } from './limitedSpawn';

const server = path.join(path.dirname(fileURLToPath(import.meta.url)), 'workspaceServer.ts');

export class WorkspaceProcess {
  private next = 1;
  private readonly waiting = new Map<number, (result: CallResult<unknown>) => void>();
  private stderr = '';
  private readonly ended: Promise<number | null>;
  private readonly ready: Promise<void>;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    let markReady!: () => void;
    this.ready = new Promise((resolve) => (markReady = resolve));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'ready') return markReady();
      const { id, result } = JSON.parse(line) as { id: number; result: CallResult<unknown> };
      this.waiting.get(id)?.(result);
      this.waiting.delete(id);
    });
    this.ended = new Promise((resolve) => child.once('close', (code) => resolve(code)));
    void this.ended.then(() => {
      for (const [, answer] of this.waiting) {
        answer({ ok: false, error: { code: 'internal', message: `the process ended: ${this.stderr.slice(0, 2_000)}` } });
      }
      this.waiting.clear();
      markReady();
    });
  }

  /// Starts a workspace process with its settings in `settingsDir`.
  static async start(settingsDir: string, limits: ProcessLimits = {}): Promise<WorkspaceProcess> {
    const started = new WorkspaceProcess(spawnNode(['--import', 'tsx', server, settingsDir], limits));
    await started.ready;
    return started;
  }

  /// Makes a contract call in the other process; calls run there in the order made.
  call<T = unknown>(name: CallName, payload: object = {}): Promise<CallResult<T>> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve as (result: CallResult<unknown>) => void);
      this.child.stdin.write(`${JSON.stringify({ id, name, payload })}\n`);
    });
  }

  /// Like call(), but the value itself; throws with the error's code and message otherwise.
  async value<T = unknown>(name: CallName, payload: object = {}): Promise<T> {
    const result = await this.call<T>(name, payload);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }

  /// Closes its workspace (and so the project) and waits for it to exit.
  async close(): Promise<number | null> {
    this.child.stdin.end();
    return this.ended;
  }
}
