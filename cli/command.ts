// The shape of one `spanlab` subcommand. Each lives in its own file under commands/ and
// is listed in registry.ts; the program (program.ts) handles `--help`, errors and exit
// codes for all of them, so a command only parses its options and does its work.

/** One subcommand of `spanlab`. */
export interface Command {
  /** The word after `spanlab`. */
  readonly name: string;
  /** One line for the command list in `spanlab --help`. */
  readonly summary: string;
  /** The full text of `spanlab <name> --help`: usage line, options, examples. */
  readonly help: string;
  /**
   * Runs with the arguments after the command name and resolves to the exit code. Throws
   * CliError / UsageError / SpanlabError for the user's failures (reported as one line);
   * anything else is a bug.
   */
  run(args: string[]): Promise<number>;
}
