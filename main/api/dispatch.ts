// The single door from a transport (Electron IPC or serve-mode HTTP) into the services.
// Every payload is checked against the contract here, in the main process, before any
// service runs: a malformed one gets `invalid_input` and touches nothing.

import type { CallHandlers } from '../../common/contract';
import { callInputs, isCallName } from '../../common/contract';
import type { CallResult, ErrorInfo } from '../../common/errors';
import { toSpanlabError } from './errorMapping';

export async function dispatch(
  handlers: CallHandlers,
  name: unknown,
  payload: unknown,
): Promise<CallResult<unknown>> {
  if (!isCallName(name)) {
    // Not String(name): an object whose toString is not a function would throw.
    const shown = typeof name === 'string' ? JSON.stringify(name).slice(0, 80) : `of type ${typeof name}`;
    return fail({ code: 'invalid_input', message: `Unknown call ${shown}.` });
  }
  const parsed = callInputs[name].safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // Paths and messages can echo the payload's own keys: bound them, since a hostile
    // payload must not be able to make the error itself huge.
    const path = clip(issue?.path.map(String).join('.') ?? '', 200);
    const where = path ? ` at ${path}` : '';
    return fail({
      code: 'invalid_input',
      message: `Invalid ${name} request${where}: ${clip(issue?.message ?? 'malformed payload', 300)}.`,
      ...(path ? { path } : {}),
    });
  }
  try {
    // The cast is the one place the per-call typing meets a runtime name: `parsed.data`
    // was produced by `callInputs[name]`, so it is exactly `ValidInput<typeof name>`.
    const handler = handlers[name] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return fail(toSpanlabError(error, name).toInfo());
  }
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

function fail(error: ErrorInfo): CallResult<never> {
  return { ok: false, error };
}
