import { createRoot } from 'react-dom/client';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { authHeaders, bearerToken } from '../api/credentials';

/**
 * GraphiQL served by the application itself (Spring's default page loads its scripts from
 * esm.sh, which intranets often cannot reach). It uses the console's sign-in: the session cookie
 * with the CSRF header, or a bearer token in sessionStorage (`phatthana.token`); a token can also
 * be put under Headers as {"Authorization": "Bearer pht_…"}.
 */
const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
const token = bearerToken();

const fetcher = createGraphiQLFetcher({
  url: '/graphql',
  subscriptionUrl: `${scheme}//${window.location.host}/graphql`,
  wsConnectionParams: token ? { Authorization: `Bearer ${token}` } : {},
  fetch: (input, init) =>
    fetch(input, {
      ...init,
      credentials: 'same-origin',
      headers: { ...authHeaders('POST'), ...(init?.headers as Record<string, string> | undefined) },
    }),
});

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL fetcher={fetcher} defaultQuery={'# Phatthana GraphQL API\n{\n  viewer { name roles organisation { nameTh } }\n}\n'} />,
);
