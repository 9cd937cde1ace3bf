// Signs in to a remote MCP server with the official TypeScript SDK client's OAuth support, as a person would in an
// MCP client, then lists the tools and calls them. The SDK does the whole flow: it meets the server's 401, reads
// the Protected Resource Metadata it names, discovers the authorization server, registers a client dynamically,
// and builds the PKCE authorization URL. Where a browser would show a sign-in page, redirectToAuthorization adds
// `login_hint` (the dev stack's authorization server signs that seeded user in without a page) and reads the code
// from the 302's Location without following it; transport.finishAuth(code) then exchanges it, and the client
// connects again.
//
// Usage: node sign-in-and-call.mjs <plan.json>
//   plan: { "serverUrl", "loginHint", "redirectUrl", "clientInfo": { "name", "version" },
//           "calls": [ { "tool", "arguments" } ],
//           "afterExpiry"?: { "calls": [ ... ] } }   (wait until the access token has expired, then call again)
// Writes one JSON line to stdout: { "http": [ every request the client made ], "registration", "authorization",
//   "tokenGrants", "tools", "calls", "callsAfterExpiry" }. No token, code, verifier or secret is written.
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';

const plan = JSON.parse(await readFile(process.argv[2], 'utf8'));
const report = { http: [], registration: null, authorization: null, tokenGrants: [], tools: [], calls: [], callsAfterExpiry: [] };

/** Every request of the client (MCP messages and OAuth alike) goes through here and is described, never copied. */
async function describedFetch(input, init = {}) {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const method = init.method ?? (input instanceof Request ? input.method : 'GET');
  const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
  const entry = { method, origin: url.origin, path: url.pathname, bearer: /^bearer /i.test(headers.get('authorization') ?? '') };
  if (typeof init.body === 'string' && init.body.startsWith('{')) {
    entry.rpcMethod = JSON.parse(init.body).method ?? null;
  } else if (init.body instanceof URLSearchParams) {
    entry.grantType = init.body.get('grant_type');
    entry.hasCodeVerifier = init.body.has('code_verifier');
    entry.resource = init.body.get('resource');
  }
  const response = await fetch(input, init);
  entry.status = response.status;
  entry.wwwAuthenticate = response.headers.get('www-authenticate');
  report.http.push(entry);
  return response;
}

/** An OAuthClientProvider that keeps everything in memory and signs in the plan's user without a browser. */
class DevStackSignIn {
  #client;
  #tokens;
  #verifier;
  #state;
  code;

  get redirectUrl() {
    return plan.redirectUrl;
  }

  get clientMetadata() {
    return {
      client_name: plan.clientInfo.name,
      redirect_uris: [plan.redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }

  state() {
    this.#state = randomUUID();
    return this.#state;
  }

  clientInformation() {
    return this.#client;
  }

  saveClientInformation(information) {
    this.#client = information;
    report.registration = {
      clientIdIssued: typeof information.client_id === 'string' && information.client_id.length > 0,
      tokenEndpointAuthMethod: information.token_endpoint_auth_method ?? null,
      redirectUris: information.redirect_uris ?? [],
    };
  }

  tokens() {
    return this.#tokens;
  }

  saveTokens(tokens) {
    this.#tokens = { ...tokens, savedAt: Date.now() };
    report.tokenGrants.push({ tokenType: tokens.token_type, expiresIn: tokens.expires_in ?? null, scope: tokens.scope ?? null, refreshToken: Boolean(tokens.refresh_token) });
  }

  /** Milliseconds until the current access token has expired (by the expires_in the server gave). */
  get msUntilExpiry() {
    return this.#tokens.savedAt + this.#tokens.expires_in * 1000 - Date.now();
  }

  saveCodeVerifier(verifier) {
    this.#verifier = verifier;
  }

  codeVerifier() {
    return this.#verifier;
  }

  async redirectToAuthorization(authorizationUrl) {
    const url = new URL(authorizationUrl);
    url.searchParams.set('login_hint', plan.loginHint);
    const response = await describedFetch(url, { redirect: 'manual' });
    const location = response.headers.get('location');
    const redirect = location === null ? null : new URL(location);
    report.authorization = {
      path: url.pathname,
      responseType: url.searchParams.get('response_type'),
      codeChallengeMethod: url.searchParams.get('code_challenge_method'),
      codeChallenge: Boolean(url.searchParams.get('code_challenge')),
      resource: url.searchParams.get('resource'),
      scope: url.searchParams.get('scope'),
      status: response.status,
      redirectedTo: redirect === null ? null : redirect.origin + redirect.pathname,
      stateEchoed: redirect?.searchParams.get('state') === this.#state,
      codeIssued: Boolean(redirect?.searchParams.get('code')),
    };
    this.code = redirect?.searchParams.get('code') ?? null;
  }
}

const signIn = new DevStackSignIn();
const connect = () => {
  const client = new Client(plan.clientInfo, { capabilities: {} });
  const transport = new StreamableHTTPClientTransport(new URL(plan.serverUrl), { authProvider: signIn, fetch: describedFetch });
  return { client, transport };
};

async function callAll(client, calls) {
  const outcomes = [];
  for (const { tool, arguments: args } of calls) {
    try {
      const result = await client.callTool({ name: tool, arguments: args });
      outcomes.push({
        tool,
        threw: false,
        error: null,
        isError: result.isError === true,
        text: result.content.filter((block) => block.type === 'text').map((block) => block.text).join('\n'),
      });
    } catch (error) {
      outcomes.push({ tool, threw: true, error: String(error?.message ?? error), isError: false, text: '' });
    }
  }
  return outcomes;
}

// First connection: the server answers 401 and the SDK runs discovery, registration and the authorization request.
let { client, transport } = connect();
try {
  await client.connect(transport);
  throw new Error('The server accepted the client before it signed in.');
} catch (error) {
  if (!(error instanceof UnauthorizedError)) {
    throw error;
  }
}

if (!signIn.code) {
  throw new Error(`The authorization server gave no code: ${JSON.stringify(report.authorization)}`);
}

await transport.finishAuth(signIn.code);
({ client, transport } = connect());
await client.connect(transport);

try {
  let cursor;
  do {
    const page = await client.listTools(cursor === undefined ? {} : { cursor });
    report.tools.push(...page.tools.map((tool) => tool.name));
    cursor = page.nextCursor;
  } while (cursor !== undefined);

  report.calls = await callAll(client, plan.calls);

  if (plan.afterExpiry) {
    // The server rejects the expired token with 401; the SDK then uses its refresh token and sends the call again.
    await delay(Math.max(0, signIn.msUntilExpiry) + (plan.afterExpiry.extraWaitMs ?? 0));
    report.callsAfterExpiry = await callAll(client, plan.afterExpiry.calls);
  }

  process.stdout.write(JSON.stringify(report) + '\n');
} finally {
  await client.close();
}
