// Hands the one SpanlabClient to every component without threading it through props.

import { createContext, use } from 'react';
import type { SpanlabClient } from '../client';

export const ClientContext = createContext<SpanlabClient | null>(null);

/// The client mounted at the root; a component outside it is a wiring bug.
export function useClient(): SpanlabClient {
  const client = use(ClientContext);
  if (!client) throw new Error('useClient() outside <ClientContext>');
  return client;
}
