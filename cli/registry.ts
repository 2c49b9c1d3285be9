// Every `spanlab` subcommand, in the order `spanlab --help` lists them. A new command
// (import, export) is a file under commands/ and one line here. Commands load the services
// (and so the native SQLite module) inside run(), so help and usage errors stay instant.

import type { Command } from './command';
import { checkCommand } from './commands/check';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { serveCommand } from './commands/serve';
import { statsCommand } from './commands/stats';

export const COMMANDS: readonly Command[] = [serveCommand, importCommand, exportCommand, statsCommand, checkCommand];

/// The command called `name`, if there is one.
export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
