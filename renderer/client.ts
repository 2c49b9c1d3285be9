// The renderer's one way to the services: contract calls that resolve with their value
// or throw a SpanlabError (so a component can simply `await client.call(...)` inside a
// try/catch), and typed event subscriptions.

import type { CallInput, CallName, CallOutput, EventName, EventPayloads, SpanlabBridge } from '../common/contract';
import { SpanlabError } from '../common/errors';

export class SpanlabClient {
  constructor(private readonly bridge: SpanlabBridge) {}

  /// Makes a contract call. Throws SpanlabError with the service's code and message.
  async call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    let result;
    try {
      result = await this.bridge.call(name, input);
    } catch (error) {
      // A transport must answer with a CallResult; one that throws (a preload bug, an
      // IPC channel closed at shutdown) still reaches the UI as a readable error.
      throw new SpanlabError('internal', `The ${name} call failed: ${String(error)}`);
    }
    if (result.ok) return result.value;
    throw SpanlabError.fromInfo(result.error);
  }

  /// Listens to a pushed event; returns the function that stops listening.
  on<E extends EventName>(name: E, listener: (payload: EventPayloads[E]) => void): () => void {
    return this.bridge.on(name, listener);
  }
}

/// The message to show for anything a call threw.
export function errorMessage(error: unknown): string {
  if (error instanceof SpanlabError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
