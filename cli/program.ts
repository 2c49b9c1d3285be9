// The `spanlab` command line: picks the subcommand, answers --help and --version, and
// turns every failure into one line on stderr and an exit code:
//   0 done · 1 the command failed (missing file, damaged project…) · 2 wrong usage.
// A stack trace is printed only for SPANLAB_DEBUG=1; users get a sentence.

import { SpanlabError } from '../common/errors';
import { CliError, UsageError } from './cliError';
import type { Command } from './command';
import { packageVersion } from './packageInfo';
import { COMMANDS, findCommand } from './registry';

/// Runs the command line (the arguments after `spanlab`) and resolves to the exit code.
export async function runCli(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h') return printed(usage());
  if (first === '--version' || first === '-v' || first === 'version') return printed(packageVersion);
  if (first === 'help') {
    if (rest[0] === undefined) return printed(usage());
    const command = findCommand(rest[0]);
    return command ? printed(command.help) : fail(new UsageError(`unknown command "${rest[0]}"`), undefined);
  }
  if (first === undefined) return fail(new UsageError('no command given'), undefined);
  if (first.startsWith('-')) return fail(new UsageError(`unknown option "${first}"`), undefined);

  const command = findCommand(first);
  if (command === undefined) return fail(new UsageError(`unknown command "${first}"`), undefined);
  if (rest.includes('--help') || rest.includes('-h')) return printed(command.help);
  try {
    return await command.run(rest);
  } catch (error) {
    return fail(error, command);
  }
}

function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    `Spanlab ${packageVersion}: annotate news articles; export exact training data.`,
    '',
    'Usage: spanlab <command> [options]',
    '       spanlab --help | --version',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Run "spanlab <command> --help" for the options of a command.',
  ].join('\n');
}

function printed(text: string): number {
  console.log(text);
  return 0;
}

// One line on stderr, whatever went wrong; the exit code says which kind.
function fail(error: unknown, command: Command | undefined): number {
  const debug = process.env.SPANLAB_DEBUG === '1';
  const prefix = command ? `spanlab ${command.name}` : 'spanlab';
  if (debug && error instanceof Error) console.error(error.stack);

  if (error instanceof UsageError || isParseArgsError(error)) {
    const help = command ? `spanlab ${command.name} --help` : 'spanlab --help';
    console.error(`${prefix}: ${oneLine(usageMessage(error))} (see ${help})`);
    return 2;
  }
  if (error instanceof CliError) {
    console.error(`${prefix}: ${oneLine(error.message)}`);
    return error.exitCode;
  }
  if (error instanceof SpanlabError || isSystemError(error)) {
    console.error(`${prefix}: ${oneLine(error.message)}`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    `${prefix}: unexpected error: ${oneLine(message)}${debug ? '' : ' (set SPANLAB_DEBUG=1 for details)'}`,
  );
  return 1;
}

// util.parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown options,
// missing values and stray positionals.
function isParseArgsError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

// The first sentence is the reason; parseArgs adds advice about `--` that confuses more
// than it helps here.
function usageMessage(error: Error): string {
  if (error instanceof UsageError) return error.message;
  return error.message.split(/\.\s/, 1)[0] ?? error.message;
}

// File-system and SQLite failures (ENOENT, EACCES, SQLITE_BUSY…) are the user's
// situation, not a bug: their messages name the file and the cause.
function isSystemError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && /^(E[A-Z]+|SQLITE_[A-Z_]+)$/.test(code);
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
