// Errors as values. Bad input, a missing row or an unreadable file is the user's
// situation, not a bug: it gets a code the UI can branch on and a message a person can
// read. Anything else that escapes a service is a bug and travels as `internal`.

export const ERROR_CODES = [
  /** The payload did not match the contract's schema. */
  'invalid_input',
  /** A referenced document, mention, type… does not exist (or not in that document). */
  'not_found',
  /** The request is well-formed but contradicts the project's state (duplicate name, type in use…). */
  'conflict',
  /** A call that needs an open project came while none is open. */
  'no_project',
  /** The call is not available on this side (a native dialog in serve mode). */
  'unsupported',
  /** The file system refused: a missing or unreadable file, a failing disk. */
  'io',
  /** No space left on the disk (or the file may grow no larger): the write did not happen. */
  'disk_full',
  /** The project file, its folder or its disk cannot be written. */
  'read_only',
  /** The project file was written by a newer Spanlab, or is not a Spanlab project. */
  'incompatible_project',
  /** Another process holds the project and did not let go in time. */
  'busy',
  /** A bug. The message is still safe to show. */
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The serialisable shape of an error, as it crosses IPC or HTTP. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** For `invalid_input`: where in the payload, e.g. `start` or `attributes.realis`. */
  path?: string;
}

export class SpanlabError extends Error {
  override readonly name = 'SpanlabError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }

  toInfo(): ErrorInfo {
    return this.path === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, path: this.path };
  }

  static fromInfo(info: ErrorInfo): SpanlabError {
    return new SpanlabError(info.code, info.message, info.path);
  }
}

/** What every contract call answers, on both transports. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export function isErrorInfo(value: unknown): value is ErrorInfo {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.message === 'string' &&
    typeof v.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(v.code)
  );
}
