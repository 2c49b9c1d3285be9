// electron-builder `afterPack` hook: flips Electron's fuses in the packaged binary, after
// the app is in place and before it is signed (signing would otherwise be invalidated).
// Fuses are compiled-in switches no command line or environment can turn back on:
// with them, the shipped app cannot be reused as a generic Node runtime or debugger host,
// and runs only the code in its (integrity-checked) app.asar.
//
// CommonJS because package.json says "type": "module" and electron-builder loads hooks
// with require(); @electron/fuses itself is ESM, hence the dynamic import.
'use strict';

const path = require('node:path');
const { Arch } = require('electron-builder');

/** @param {import('app-builder-lib').AfterPackContext} context */
exports.default = async function flipSpanlabFuses(context) {
  const { flipFuses, getCurrentFuseWire, FuseVersion, FuseV1Options, FuseState } = await import('@electron/fuses');
  const platform = context.electronPlatformName;
  const binary = electronBinary(context);

  /** @type {Record<number, boolean>} */
  const wanted = {
    // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node interpreter.
    [FuseV1Options.RunAsNode]: false,
    // Cookies are encrypted at rest with the OS keychain (Spanlab sets none, but a
    // future one should not sit in plaintext).
    [FuseV1Options.EnableCookieEncryption]: true,
    // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject code or trust into the main process.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    // --inspect and SIGUSR1 would open a debugger port into the main process.
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // The asar archive is checked against the hash embedded at build time (macOS, Windows).
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    // Only app.asar is loaded, never a loose `app` folder someone dropped beside it.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // The ordinary V8 snapshot; Spanlab ships no browser-process snapshot.
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // The UI is served from app://, so file:// pages need no extra powers.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };

  await flipFuses(binary, {
    version: FuseVersion.V1,
    // An arm64 macOS binary must be re-signed ad hoc after its bytes change, or it will
    // not start when the build is not signed for real afterwards.
    resetAdHocDarwinSignature: platform === 'darwin' && context.arch === Arch.arm64,
    ...wanted,
  });

  // Read the wire back: a build that silently kept a fuse on is worse than a failed one.
  const wire = await getCurrentFuseWire(binary);
  for (const [option, value] of Object.entries(wanted)) {
    const expected = value ? FuseState.ENABLE : FuseState.DISABLE;
    const actual = wire[/** @type {keyof typeof wire} */ (option)];
    // A fuse Electron has since removed no longer switches anything; say so, go on.
    if (actual === FuseState.REMOVED) {
      console.warn(`  • spanlab: fuse ${FuseV1Options[Number(option)]} is removed in this Electron`);
      continue;
    }
    if (actual !== expected) {
      throw new Error(`Fuse ${FuseV1Options[Number(option)]} is ${actual}, expected ${expected}, in ${binary}`);
    }
  }
  console.log(`  • spanlab: fuses flipped and verified  binary=${binary}`);
};

// Where electron-builder put the Electron executable, named as electron-builder's own
// fuse support names it (app-builder-lib platformPackager.addElectronFuses).
function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    default:
      return path.join(appOutDir, packager.executableName);
  }
}
