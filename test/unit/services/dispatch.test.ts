// The door into the services, given names that are no call. Found by the contract fuzz test
// (test/unit/reliability/contractFuzz.test.ts): a name whose toString is not a function
// made dispatch itself throw instead of answering.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CallHandlers } from '../../../common/contract';
import { dispatch } from '../../../main/api/dispatch';

test('a name that is no call is refused, whatever it is', async () => {
  // No handler is reached: an unknown name is refused before any is looked up.
  const handlers = {} as CallHandlers;
  for (const name of [{ toString: 0 }, Object.create(null), Symbol('x'), 'constructor', '__proto__', 42]) {
    const result = await dispatch(handlers, name, []);
    assert.ok(!result.ok && result.error.code === 'invalid_input', String(typeof name));
    assert.match(result.error.message, /^Unknown call /);
  }
});
