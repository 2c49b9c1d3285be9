// Per-user settings kept outside any project: the recent-projects list, the last project
// and the desktop window's placement. One small JSON file, rewritten whole and atomically
// (temp file + rename) so that a crash mid-write never leaves half a file; a missing or
// damaged file reads as defaults rather than stopping the app.

import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RecentProject } from '../../common/model';

/** How many recent projects the list keeps. */
export const MAX_RECENT = 10;

const windowState = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
  maximized: z.boolean().default(false),
});

const recentEntry = z.object({ path: z.string().min(1), name: z.string(), openedAt: z.string() });

// Each field falls back on its own, so one bad value does not cost the rest.
const settingsSchema = z.object({
  recentProjects: z.array(recentEntry).max(100).catch([]),
  lastProject: z.string().nullable().catch(null),
  window: windowState.nullable().catch(null),
});

export type WindowState = z.output<typeof windowState>;
export type Settings = z.output<typeof settingsSchema>;

const DEFAULTS: Settings = { recentProjects: [], lastProject: null, window: null };

export class SettingsStore {
  /** The settings file. */
  readonly file: string;

  constructor(readonly dir: string) {
    this.file = path.join(dir, 'settings.json');
  }

  /// The current settings (read from disk each time, so two processes stay in step).
  get(): Settings {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch {
      return structuredClone(DEFAULTS);
    }
    const parsed = settingsSchema.safeParse(raw);
    return parsed.success ? parsed.data : structuredClone(DEFAULTS);
  }

  /// Changes some settings and writes the file; returns the result.
  set(patch: Partial<Settings>): Settings {
    const next = { ...this.get(), ...patch };
    this.write(next);
    return next;
  }

  /// Recent projects, newest first, each with whether its file still exists.
  recent(): RecentProject[] {
    return this.get().recentProjects.map((entry) => ({ ...entry, exists: fs.existsSync(entry.path) }));
  }

  /// Puts a project at the top of the recent list (once) and makes it the last project.
  addRecent(file: string, name: string): void {
    const current = this.get();
    const recentProjects = [
      { path: file, name, openedAt: new Date().toISOString() },
      ...current.recentProjects.filter((entry) => entry.path !== file),
    ].slice(0, MAX_RECENT);
    this.write({ ...current, recentProjects, lastProject: file });
  }

  private write(settings: Settings): void {
    fs.mkdirSync(this.dir, { recursive: true });
    const temp = `${this.file}.${process.pid}.${Date.now().toString(36)}.tmp`;
    try {
      fs.writeFileSync(temp, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
      fs.renameSync(temp, this.file);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw error;
    }
  }
}
