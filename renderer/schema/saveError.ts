// Where a refused schema save goes on the form: the services name the offending field in
// the error's `path` (`name`, `hotkey`, `roles.2.name`, `defaultValue`…), so the message can
// stand under that field instead of in a banner the eye has to connect back to it.

import { SpanlabError } from '../../common/errors';
import { errorMessage } from '../client';

export interface SaveError {
  /** The field the message belongs under; null for the form as a whole. */
  field: string | null;
  message: string;
}

/// The field and message of anything a save threw.
export function saveError(error: unknown): SaveError {
  const message = errorMessage(error);
  if (!(error instanceof SpanlabError) || !error.path) return { field: null, message };
  return { field: error.path, message };
}

/// The message for `field`, if the error is about it.
export function messageFor(error: SaveError | null, field: string): string | null {
  return error && error.field === field ? error.message : null;
}
