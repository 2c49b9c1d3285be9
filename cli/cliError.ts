// Failures the CLI reports as one line and an exit code, never with a stack: the user
// asked for something that cannot be done (a missing file, a busy port) or asked wrongly.

/** A command could not do what was asked; the message is the whole report. */
export class CliError extends Error {
  override readonly name: string = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
  }
}

/** The command line itself is wrong (unknown command or option, bad value): exit 2. */
export class UsageError extends CliError {
  override readonly name = 'UsageError';
  constructor(message: string) {
    super(message, 2);
  }
}
