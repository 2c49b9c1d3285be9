// The afterPack hook against a stand-in for a packaged binary: a file holding Electron's
// fuse sentinel and a wire in its real format (version byte, length byte, one state byte
// per fuse), so the hook's choices are checked without Electron or electron-builder.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { FuseV1Options, FuseState } from '@electron/fuses';

const require = createRequire(import.meta.url);
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const WIRE_LENGTH = 9;

async function fakeLinuxApp(): Promise<{ dir: string; binary: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'spanlab-fuses-'));
  const binary = path.join(dir, 'spanlab');
  // Padding either side, like the sentinel sitting inside a real executable.
  const wire = Buffer.alloc(WIRE_LENGTH, '1'.charCodeAt(0)); // every fuse starts enabled
  wire[FuseV1Options.EnableCookieEncryption] = '0'.charCodeAt(0);
  const bytes = Buffer.concat([Buffer.alloc(4096, 0xcc), Buffer.from(SENTINEL), Buffer.from([1, WIRE_LENGTH]), wire, Buffer.alloc(4096, 0xcc)]);
  await writeFile(binary, bytes);
  return { dir, binary };
}

async function wireOf(binary: string): Promise<number[]> {
  const bytes = await readFile(binary);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length + 2;
  return [...bytes.subarray(at, at + WIRE_LENGTH)];
}

test('afterPack flips the fuses the shipped app needs off, and on', async () => {
  const { dir, binary } = await fakeLinuxApp();
  try {
    const hook = require('../../../build/fuses.cjs') as { default: (context: unknown) => Promise<void> };
    await hook.default({
      appOutDir: dir,
      electronPlatformName: 'linux',
      arch: 1,
      packager: { executableName: 'spanlab', appInfo: { productFilename: 'Spanlab' } },
    });
    const wire = await wireOf(binary);
    const off = FuseState.DISABLE;
    const on = FuseState.ENABLE;
    assert.equal(wire[FuseV1Options.RunAsNode], off, 'RunAsNode');
    assert.equal(wire[FuseV1Options.EnableCookieEncryption], on, 'EnableCookieEncryption');
    assert.equal(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable], off, 'NODE_OPTIONS');
    assert.equal(wire[FuseV1Options.EnableNodeCliInspectArguments], off, '--inspect');
    assert.equal(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation], on, 'asar integrity');
    assert.equal(wire[FuseV1Options.OnlyLoadAppFromAsar], on, 'only app.asar');
    assert.equal(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot], off, 'V8 snapshot');
    assert.equal(wire[FuseV1Options.GrantFileProtocolExtraPrivileges], off, 'file:// privileges');
    // A fuse the hook does not mention keeps Electron's default.
    assert.equal(wire[FuseV1Options.WasmTrapHandlers], on, 'WasmTrapHandlers untouched');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
