import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { MAX_RECENT, SettingsStore } from '../../../main/services/settings';
import { tempDir } from '../../support/projectFixture';

describe('settings', () => {
  test('recent projects: newest first, each once, at most ten, with whether the file exists', () => {
    const dir = tempDir();
    const settings = new SettingsStore(path.join(dir, 'config'));
    assert.deepEqual(settings.recent(), []);
    for (let i = 0; i < 12; i++) settings.addRecent(path.join(dir, `p${i}.spanlab`), `p${i}`);
    fs.writeFileSync(path.join(dir, 'p11.spanlab'), '');
    settings.addRecent(path.join(dir, 'p5.spanlab'), 'p5');
    const recent = settings.recent();
    assert.equal(recent.length, MAX_RECENT);
    assert.deepEqual(recent.slice(0, 3).map((r) => [r.name, r.exists]), [['p5', false], ['p11', true], ['p10', false]]);
    assert.equal(recent.filter((r) => r.name === 'p5').length, 1);
    assert.equal(settings.get().lastProject, path.join(dir, 'p5.spanlab'));
  });

  test('window state round-trips, and writes leave no temp files', () => {
    const dir = tempDir();
    const settings = new SettingsStore(dir);
    settings.set({ window: { x: 10, y: 20, width: 1200, height: 800, maximized: true } });
    assert.deepEqual(new SettingsStore(dir).get().window, { x: 10, y: 20, width: 1200, height: 800, maximized: true });
    assert.deepEqual(fs.readdirSync(dir), ['settings.json']);
  });

  test('a damaged settings file reads as defaults, and a bad field does not cost the others', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), '{ not json');
    const settings = new SettingsStore(dir);
    assert.deepEqual(settings.get(), { recentProjects: [], lastProject: null, window: null });
    fs.writeFileSync(
      path.join(dir, 'settings.json'),
      JSON.stringify({ lastProject: '/x.spanlab', window: 'big', recentProjects: 3 }),
    );
    assert.deepEqual(settings.get(), { recentProjects: [], lastProject: '/x.spanlab', window: null });
  });
});
