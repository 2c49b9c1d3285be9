// Electron's security checklist (electronjs.org/docs/latest/tutorial/security), checked
// statically against the shell's source. The shell cannot be launched on every machine
// that runs the unit tests (Electron's binary is a download), so these read the code's
// syntax tree: a setting renamed, removed or flipped fails here, wherever the tests run.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { CONTENT_SECURITY_POLICY } from '../../../common/csp';

const root = path.resolve(import.meta.dirname, '../../..');
const shellDir = path.join(root, 'main/electron');
const shellFiles = readdirSync(shellDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => path.join(shellDir, f));
const preloadFile = path.join(root, 'preload/preload.ts');
const fusesFile = path.join(root, 'build/fuses.cjs');

test('the window runs isolated and sandboxed, without Node', () => {
  const props = propertiesIn(file('main/electron/window.ts'));
  assert.equal(props.get('contextIsolation'), 'true');
  assert.equal(props.get('sandbox'), 'true');
  assert.equal(props.get('nodeIntegration'), 'false');
  assert.equal(props.get('nodeIntegrationInWorker'), 'false');
  assert.equal(props.get('nodeIntegrationInSubFrames'), 'false');
  assert.equal(props.get('webviewTag'), 'false');
  assert.notEqual(props.get('webSecurity'), 'false');
  assert.equal(props.get('navigateOnDragDrop'), 'false');
  // Developer tools only when running from source.
  assert.equal(props.get('devTools'), 'options.devTools');
  assert.equal(propertiesIn(file('main/electron/main.ts')).get('devTools'), '!app.isPackaged');
});

test('one session, the hardened default one', () => {
  for (const f of shellFiles) {
    const source = file(f);
    assert.ok(!identifiers(source).has('partition'), `${rel(f)} sets a partition`);
    assert.ok(!callsIn(source).some((c) => /session\.fromPartition|session\.fromPath/.test(c.callee)), `${rel(f)} makes a session`);
  }
  const hardened = callsIn(file('main/electron/main.ts')).filter((c) => c.callee === 'hardenSession');
  assert.deepEqual(hardened.map((c) => c.args), [['session.defaultSession']]);
});

test('no shell file relaxes a web preference', () => {
  const forbidden: Record<string, string[]> = {
    webSecurity: ['false'],
    contextIsolation: ['false'],
    sandbox: ['false'],
    nodeIntegration: ['true'],
    nodeIntegrationInWorker: ['true'],
    nodeIntegrationInSubFrames: ['true'],
    webviewTag: ['true'],
    experimentalFeatures: ['true'],
    bypassCSP: ['true'],
  };
  for (const f of [...shellFiles, preloadFile]) {
    const source = file(f);
    for (const [name, values] of allProperties(source)) {
      assert.ok(!(forbidden[name] ?? []).includes(values), `${rel(f)} sets ${name}: ${values}`);
    }
    for (const name of ['allowRunningInsecureContent', 'enableRemoteModule', 'enableBlinkFeatures', 'disableWebSecurity']) {
      assert.ok(!identifiers(source).has(name), `${rel(f)} mentions ${name}`);
    }
  }
});

test('the window only ever loads the app:// entry, never a file or a remote URL', () => {
  const loads = shellFiles.flatMap((f) => callsIn(file(f)).filter((c) => /\.(loadURL|loadFile)$/.test(c.callee)));
  assert.ok(loads.length > 0, 'the window loads something');
  for (const call of loads) {
    assert.match(call.callee, /\.loadURL$/, 'loadFile would use file://');
    assert.equal(call.args[0], 'APP_ENTRY_URL');
  }
  assert.match(readFileSync(path.join(shellDir, 'origin.ts'), 'utf8'), /APP_ENTRY_URL = `\$\{APP_ORIGIN\}\/index\.html`/);
});

test('app:// is privileged as a secure standard scheme, without bypassing CSP', () => {
  const main = file('main/electron/main.ts');
  const calls = callsIn(main);
  assert.ok(calls.some((c) => c.callee === 'protocol.registerSchemesAsPrivileged'), 'scheme registered');
  const props = propertiesIn(main);
  assert.equal(props.get('standard'), 'true');
  assert.equal(props.get('secure'), 'true');
  assert.notEqual(props.get('bypassCSP'), 'true');
  assert.ok(calls.some((c) => c.callee === 'protocol.handle'), 'app:// handled');
  assert.ok(calls.some((c) => c.callee === 'app.enableSandbox'), 'sandbox forced for every renderer');
  assert.ok(calls.some((c) => c.callee === 'app.requestSingleInstanceLock'), 'single instance');
});

test('every app:// response carries the Content-Security-Policy', () => {
  const source = readFileSync(path.join(shellDir, 'appProtocol.ts'), 'utf8');
  assert.match(source, /\.\.\.UI_SECURITY_HEADERS/);
  const headers = readFileSync(path.join(shellDir, '../ui/uiAssets.ts'), 'utf8');
  assert.match(headers, /'Content-Security-Policy': CONTENT_SECURITY_POLICY/);
  assert.match(headers, /from '..\/..\/common\/csp'/);
});

test('the CSP allows no inline or eval\'d code and nothing from another origin', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  assert.deepEqual(directives.get('default-src'), ["'none'"]);
  for (const name of ['base-uri', 'form-action', 'frame-ancestors']) assert.deepEqual(directives.get(name), ["'none'"], name);
  assert.deepEqual(directives.get('script-src'), ["'self'"]);
  // No frame-src, object-src, media-src, worker-src: they fall back to default-src 'none'.
  for (const name of ['frame-src', 'child-src', 'object-src', 'media-src', 'worker-src', 'manifest-src']) {
    assert.ok(!directives.has(name), name);
  }
  for (const [name, values] of directives) {
    for (const value of values) {
      assert.ok(["'none'", "'self'", 'data:'].includes(value), `${name} allows ${value}`);
    }
  }
  assert.ok(!directives.get('connect-src')?.includes('data:'));
});

test('popups are denied, navigation and redirects away from the UI prevented', () => {
  const hardening = file('main/electron/hardening.ts');
  const text = hardening.getFullText();
  const calls = callsIn(hardening);
  const openHandler = calls.find((c) => c.callee === 'contents.setWindowOpenHandler');
  assert.ok(openHandler, 'setWindowOpenHandler');
  assert.match(openHandler.text, /return \{ action: 'deny' \}/);
  assert.doesNotMatch(text, /action: 'allow'/);
  assert.match(openHandler.text, /if \(isExternalWebUrl\(url\)\)/, 'openExternal only after the check');
  for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
    const on = calls.find((c) => c.callee === 'contents.on' && c.args[0] === `'${event}'`);
    assert.ok(on, event);
    assert.match(on.text, /event\.preventDefault\(\)/, `${event} prevented`);
  }
  assert.ok(calls.some((c) => c.callee === 'app.on' && c.args[0] === "'web-contents-created'"), 'applied to every webContents');
  // No other shell file opens anything externally.
  for (const f of shellFiles.filter((f) => !f.endsWith('hardening.ts'))) {
    assert.ok(!callsIn(file(f)).some((c) => c.callee === 'shell.openExternal'), `${rel(f)} calls openExternal`);
  }
});

test('every permission is denied and remote requests are cancelled', () => {
  const hardening = file('main/electron/hardening.ts');
  const calls = callsIn(hardening);
  const request = calls.find((c) => c.callee === 'ses.setPermissionRequestHandler');
  assert.ok(request);
  assert.match(request.text, /callback\(false\)/);
  assert.doesNotMatch(request.text, /callback\(true\)/);
  const check = calls.find((c) => c.callee === 'ses.setPermissionCheckHandler');
  assert.ok(check);
  assert.equal(check.args[0], '() => false');
  assert.ok(calls.some((c) => c.callee === 'ses.setDevicePermissionHandler' && c.args[0] === '() => false'));
  const filter = calls.find((c) => c.callee === 'ses.webRequest.onBeforeRequest');
  assert.ok(filter, 'webRequest filter');
  assert.match(filter.text, /isLocalRequestUrl\(details\.url\)/);
  const main = callsIn(file('main/electron/main.ts'));
  assert.ok(main.some((c) => c.callee === 'hardenSession'), 'the session is hardened');
  assert.ok(main.some((c) => c.callee === 'hardenAllWebContents'), 'webContents are hardened');
});

test('every IPC handler checks its sender before anything else', () => {
  const handlers = shellFiles.flatMap((f) =>
    callsIn(file(f))
      .filter((c) => c.callee === 'ipcMain.handle' || c.callee === 'ipcMain.handleOnce')
      .map((c) => ({ ...c, file: rel(f) })),
  );
  assert.ok(handlers.length > 0, 'ipcMain.handle');
  for (const handle of handlers) {
    assert.equal(handle.args[0], 'ipcChannel.call(name)', `${handle.file}: channels come from the contract`);
    // The handler's first statement refuses an untrusted sender and returns.
    const handler = handle.node.arguments[1];
    assert.ok(handler && (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler)), `${handle.file}: a function`);
    const first = ts.isBlock(handler.body) ? handler.body.statements[0] : undefined;
    assert.ok(first && ts.isIfStatement(first), `${handle.file}: starts with the sender check`);
    assert.match(first.expression.getText(), /^!isTrustedSender\(event, /, `${handle.file}: sender checked first`);
    const refusal = ts.isBlock(first.thenStatement) ? first.thenStatement.statements.at(-1) : first.thenStatement;
    assert.ok(refusal && ts.isReturnStatement(refusal), `${handle.file}: an untrusted sender gets no further`);
    const check = handle.text.indexOf('isTrustedSender(event');
    const dispatch = handle.text.indexOf('dispatch(handlers, name, payload)');
    assert.ok(check > 0 && dispatch > check, `${handle.file}: sender checked before dispatch`);
  }
  // The check is about the frame that sent the message, not only the webContents: its
  // origin, and that it is the top frame.
  const trusted = readFileSync(path.join(shellDir, 'trustedSender.ts'), 'utf8');
  for (const clause of ['const frame = event.senderFrame', 'event.sender === win.webContents', 'frame !== null', 'frame.parent === null', 'isAppUrl(frame.url)']) {
    assert.ok(trusted.includes(clause), clause);
  }
  // Nothing listens with ipcMain.on: there is no fire-and-forget channel to abuse.
  const listening = /^ipcMain\.(on|once|addListener|prependListener|prependOnceListener)$/;
  for (const f of shellFiles) {
    assert.ok(!callsIn(file(f)).some((c) => listening.test(c.callee)), rel(f));
  }
});

test('nothing uses the remote module', () => {
  const offenders: string[] = [];
  for (const f of [...shellFiles, preloadFile, ...sourceFiles(path.join(root, 'renderer'))]) {
    const source = file(f);
    if (moduleSpecifiers(source).some((m) => m === '@electron/remote' || m.startsWith('@electron/remote/'))) offenders.push(rel(f));
    walk(source, (n) => {
      if (ts.isImportSpecifier(n) && (n.propertyName ?? n.name).text === 'remote') offenders.push(`${rel(f)} imports remote`);
    });
  }
  assert.deepEqual(offenders, []);
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  for (const deps of [pkg.dependencies, pkg.devDependencies]) assert.ok(!('@electron/remote' in (deps ?? {})));
});

test('the preload exposes one object, spanlab, and no raw IPC', () => {
  const preload = file(preloadFile);
  const calls = callsIn(preload);
  const exposures = calls.filter((c) => c.callee.startsWith('contextBridge.'));
  assert.equal(exposures.length, 1);
  assert.equal(exposures[0]?.callee, 'contextBridge.exposeInMainWorld');
  assert.deepEqual(exposures[0]?.args, ["'spanlab'", 'bridge']);
  // ipcRenderer is only ever used through these three methods, never handed on as a value.
  const uses = memberUses(preload, 'ipcRenderer');
  assert.deepEqual([...new Set(uses)].sort(), ['invoke', 'on', 'removeListener']);
  assert.match(preload.getFullText(), /if \(!isCallName\(name\)\)/, 'unknown calls refused');
  assert.match(preload.getFullText(), /if \(!isEventName\(name\)\)/, 'unknown events refused');
});

test('the packaged binary has its fuses flipped', () => {
  const source = readFileSync(fusesFile, 'utf8');
  const expected: Record<string, boolean> = {
    RunAsNode: false,
    EnableCookieEncryption: true,
    EnableNodeOptionsEnvironmentVariable: false,
    EnableNodeCliInspectArguments: false,
    EnableEmbeddedAsarIntegrityValidation: true,
    OnlyLoadAppFromAsar: true,
    LoadBrowserProcessSpecificV8Snapshot: false,
    GrantFileProtocolExtraPrivileges: false,
  };
  for (const [fuse, value] of Object.entries(expected)) {
    assert.match(source, new RegExp(`\\[FuseV1Options\\.${fuse}\\]: ${value},`), fuse);
  }
  const builder = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
  assert.match(builder, /^afterPack: build\/fuses\.cjs$/m);
});

test("only the shell and the preload import 'electron'", () => {
  const layers = ['common', 'core', 'db', 'main/services', 'main/serve', 'main/api', 'cli', 'renderer', 'bin'];
  const offenders: string[] = [];
  for (const layer of layers) {
    for (const f of sourceFiles(path.join(root, layer))) {
      if (moduleSpecifiers(file(f)).some((m) => m === 'electron' || m.startsWith('electron/'))) offenders.push(rel(f));
    }
  }
  assert.deepEqual(offenders, []);
});

// --- reading source ------------------------------------------------------------------

const cache = new Map<string, ts.SourceFile>();

function file(name: string): ts.SourceFile {
  const full = path.isAbsolute(name) ? name : path.join(root, name);
  let source = cache.get(full);
  if (!source) {
    const kind = /\.[cm]?jsx?$/.test(full) ? ts.ScriptKind.JS : full.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    source = ts.createSourceFile(full, readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true, kind);
    cache.set(full, source);
  }
  return source;
}

function rel(f: string): string {
  return path.relative(root, f);
}

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/// Every `name: value` in object literals, last one winning (enough for one window).
function propertiesIn(source: ts.SourceFile): Map<string, string> {
  return new Map(allProperties(source));
}

function allProperties(source: ts.SourceFile): [string, string][] {
  const out: [string, string][] = [];
  walk(source, (n) => {
    if (ts.isPropertyAssignment(n) && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name))) {
      out.push([n.name.text, n.initializer.getText(source)]);
    }
  });
  return out;
}

function identifiers(source: ts.SourceFile): Set<string> {
  const out = new Set<string>();
  walk(source, (n) => {
    if (ts.isIdentifier(n)) out.add(n.text);
    if (ts.isStringLiteral(n)) out.add(n.text);
  });
  return out;
}

interface Call {
  callee: string;
  args: string[];
  text: string;
  node: ts.CallExpression;
}

function callsIn(source: ts.SourceFile): Call[] {
  const out: Call[] = [];
  walk(source, (n) => {
    if (ts.isCallExpression(n)) {
      out.push({
        callee: n.expression.getText(source).replace(/\s+/g, ''),
        args: n.arguments.map((a) => a.getText(source)),
        text: n.getText(source),
        node: n,
      });
    }
  });
  return out;
}

/// The members used on `object` (`ipcRenderer.invoke` → `invoke`); any other use of the
/// identifier outside its import (passing it, spreading it) is reported as `<value>`.
function memberUses(source: ts.SourceFile, object: string): string[] {
  const out: string[] = [];
  walk(source, (n) => {
    if (!ts.isIdentifier(n) || n.text !== object) return;
    const parent = n.parent;
    if (ts.isImportSpecifier(parent)) return;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === n) out.push(parent.name.text);
    else out.push('<value>');
  });
  return out;
}

/// What a file imports or requires, statically or dynamically.
function moduleSpecifiers(source: ts.SourceFile): string[] {
  const out: string[] = [];
  walk(source, (n) => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      out.push(n.moduleSpecifier.text);
    }
    if (ts.isCallExpression(n)) {
      const [first] = n.arguments;
      const isRequire = ts.isIdentifier(n.expression) && n.expression.text === 'require';
      if ((isRequire || n.expression.kind === ts.SyntaxKind.ImportKeyword) && first && ts.isStringLiteralLike(first)) {
        out.push(first.text);
      }
    }
    if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference)) {
      const expr = n.moduleReference.expression;
      if (ts.isStringLiteral(expr)) out.push(expr.text);
    }
  });
  return out;
}

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return []; // a layer not written yet has nothing to import
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry);
    if (entry === 'node_modules') return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(?:[cm]?[jt]sx?)$/.test(entry) && !entry.endsWith('.d.ts') ? [full] : [];
  });
}
