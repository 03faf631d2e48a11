import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from '../gql/graphql';
import { bearerToken } from './credentials';
import { GraphQlError, type GraphQlErrorEntry } from './graphql';

let client: Client | null = null;
let clientToken: string | null = null;

/**
 * The one graphql-transport-ws connection to /graphql. A session cookie goes with the WebSocket
 * handshake by itself; a bearer token goes in the connection_init payload.
 */
function liveClient(): Client {
  const token = bearerToken();
  if (client && clientToken === token) {
    return client;
  }
  client?.dispose();
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  clientToken = token;
  client = createClient({
    url: `${scheme}//${window.location.host}/graphql`,
    connectionParams: () => (token ? { Authorization: `Bearer ${token}` } : {}),
    retryAttempts: Infinity,
    shouldRetry: () => true,
    lazy: true,
  });
  return client;
}

export interface LiveHandlers<Result> {
  next: (data: Result) => void;
  error?: (error: Error) => void;
}

/** Subscribes to a typed subscription; returns the function that ends it. */
export function subscribe<Result, Variables>(
  document: TypedDocumentString<Result, Variables>,
  variables: Variables,
  handlers: LiveHandlers<Result>,
): () => void {
  return liveClient().subscribe<Result>(
    { query: document.toString(), variables: variables as Record<string, unknown> },
    {
      next: (message) => {
        if (message.errors && message.errors.length > 0) {
          handlers.error?.(new GraphQlError(message.errors as unknown as GraphQlErrorEntry[]));
        } else if (message.data) {
          handlers.next(message.data);
        }
      },
      error: (error) => handlers.error?.(error instanceof Error ? error : new Error('subscription failed')),
      complete: () => undefined,
    },
  );
}
