// The crash harness, annotation side: an analyst's session of edits (annotationWorkload.ts:
// mentions, events, arguments, relations, entity links, notes, deletions, undo, redo) runs
// in a child process through the same dispatch the UI uses, and is SIGKILLed at a random
// moment — after a random number of acknowledged calls plus up to a few milliseconds (so
// the kill lands inside the next call), or after a random delay from the start (inside the
// open, too). Every time, the project reopens through Project.open, passes the integrity
// and reference checks, and holds exactly the state of the last acknowledged call — or of
// the one in flight, when its commit made it to the file before the kill. Which state
// that is the harness learns by replaying the same seeded session from the same file.
// Each round goes on from the file the previous kill left.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Project } from '../../../main/services/project';
import { Workspace } from '../../../main/services/workspace';
import { AnnotationWorkload, annotationDigest } from '../../support/annotationWorkload';
import type { KillTrigger } from '../../support/killedChild';
import { killAt, startScript } from '../../support/killedChild';
import { reopenSound } from '../../support/projectSoundness';
import { tempDir } from '../../support/projectFixture';
import { runSeed, seededRandom } from '../../support/seededRandom';
import { reportFigure, scaled } from '../../support/tortureScale';

test('annotation writes killed at random moments keep every acknowledged write', async (t) => {
  const seed = runSeed();
  const random = seededRandom(seed);
  const dir = tempDir();
  const settings = path.join(dir, 'settings');
  const file = path.join(dir, 'annotations.spanlab');
  const created = await Project.create(file, { sample: true });
  created.documents.add({ title: 'Second', text: 'Officials in Mosul said a convoy was ambushed near the airport on Friday. 🚚 قافلة' });
  created.close();

  const rounds = scaled(6);
  let kills = 0;
  let acknowledged = 0;
  let inFlightCommitted = 0;
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    const context = `round ${round}, SPANLAB_SEED=${seed}`;
    const snapshot = path.join(dir, 'round-start.spanlab');
    fs.copyFileSync(file, snapshot);
    const sessionSeed = seed + round;
    const trigger: KillTrigger =
      round % 3 === 2
        ? { afterMs: random.int(200, 2_500) }
        : { line: ackNumber(random.int(1, 200)), thenMs: random.int(0, 3) };
    const end = await killAt(startScript('annotationWriter.ts', [file, settings, String(sessionSeed)]), trigger);
    assert.ok(end.killed, `the writer ended on its own (${context}): ${end.stderr.slice(0, 2_000)}`);
    kills++;

    // digests[n]: the annotations after the n-th acknowledged call (0: as opened).
    const digests = end.lines.map((line) => line.split(' ').at(-1)!);
    const project = await reopenSound(file, context);
    const found = annotationDigest(project.db);
    project.close();
    acknowledged += Math.max(digests.length - 1, 0);
    if (found === digests.at(-1)) continue;

    const replayed = await replay(snapshot, path.join(dir, 'replay.spanlab'), settings, sessionSeed, digests.length);
    assert.deepEqual(replayed.slice(0, digests.length), digests, `the seeded session replays the same (${context})`);
    assert.equal(found, replayed[digests.length], `the project holds the last acknowledged state, or the next (${context})`);
    inFlightCommitted++;
  }
  reportFigure(
    t,
    `annotation session: ${kills} kills survived, ${acknowledged} acknowledged calls all kept, ` +
      `${inFlightCommitted} in-flight calls found committed; ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${seed})`,
  );
});

function ackNumber(n: number): (line: string) => boolean {
  return (line) => line.startsWith(`ack ${n} `);
}

// Runs the session of `seed` on a copy of `snapshot` for `steps` calls, in this process;
// returns the digest as opened and after each call.
async function replay(snapshot: string, scratch: string, settings: string, seed: number, steps: number): Promise<string[]> {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(scratch + suffix, { force: true });
  fs.copyFileSync(snapshot, scratch);
  const workspace = new Workspace({ settingsDir: settings, mode: 'serve', version: 'test' });
  try {
    await workspace.openProject(scratch);
    const db = workspace.requireProject().db;
    const workload = new AnnotationWorkload(workspace, seededRandom(seed));
    const digests = [annotationDigest(db)];
    for (let n = 1; n <= steps; n++) {
      await workload.next();
      digests.push(annotationDigest(db));
    }
    return digests;
  } finally {
    workspace.close();
  }
}
