// Where serve mode keeps its settings (recent projects, theme). The Electron app keeps
// its own under the OS's app-data folder; the CLI follows the XDG convention so that a
// headless machine needs nothing special, and a test can point it at a temp folder.

import os from 'node:os';
import path from 'node:path';

/// $SPANLAB_SETTINGS_DIR, else $XDG_CONFIG_HOME/spanlab, else ~/.config/spanlab.
export function settingsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SPANLAB_SETTINGS_DIR) return path.resolve(env.SPANLAB_SETTINGS_DIR);
  if (env.XDG_CONFIG_HOME) return path.join(path.resolve(env.XDG_CONFIG_HOME), 'spanlab');
  return path.join(os.homedir(), '.config', 'spanlab');
}
