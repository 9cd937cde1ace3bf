// The straightforward remote MCP server, as the official TypeScript SDK's examples build one: Express, stateless
// streamable HTTP (a new McpServer and transport per request), the SDK's bearer middleware with a jose verifier
// of the Clerk instance's OAuth access tokens, and one tool that, on every call, asks Clerk's Backend API for the
// signed-in user's active session and a fresh session token, then calls the API with it. bench/load.sh measures
// verity-mcp-http against it; it is no part of the product.
//
// Settings (environment): PORT, PUBLIC_URL (the /mcp URL: resource and token audience), CLERK_FRONTEND_API_URL,
// CLERK_API_URL, CLERK_SECRET_KEY, VERITY_BASE_URL. Prints "listening <port>" on stdout when ready.
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { mcpAuthMetadataRouter, getOAuthProtectedResourceMetadataUrl } from '@modelcontextprotocol/sdk/server/auth/router.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { z } from 'zod';

function setting(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`reference server: ${name} is not set`);
    process.exit(2);
  }
  return value;
}

const port = Number(setting('PORT'));
const publicUrl = new URL(setting('PUBLIC_URL'));
const issuer = setting('CLERK_FRONTEND_API_URL').replace(/\/$/, '');
const clerkApiUrl = setting('CLERK_API_URL').replace(/\/$/, '');
const secretKey = setting('CLERK_SECRET_KEY');
const apiBaseUrl = setting('VERITY_BASE_URL').replace(/\/$/, '');

const oauthMetadata = await (await fetch(`${issuer}/.well-known/oauth-authorization-server`)).json();
const jwks = createRemoteJWKSet(new URL(oauthMetadata.jwks_uri));

const verifier = {
  async verifyAccessToken(token) {
    try {
      const { payload } = await jwtVerify(token, jwks, { issuer, audience: publicUrl.href, algorithms: ['RS256'], clockTolerance: 5 });
      return {
        token,
        clientId: String(payload.client_id ?? ''),
        scopes: String(payload.scope ?? '').split(' ').filter(Boolean),
        expiresAt: payload.exp,
        resource: publicUrl,
        extra: { userId: payload.sub },
      };
    } catch (error) {
      throw new InvalidTokenError(`Invalid access token: ${error.code ?? 'invalid'}`);
    }
  },
};

async function clerk(method, path) {
  const response = await fetch(`${clerkApiUrl}/v1${path}`, { method, headers: { authorization: `Bearer ${secretKey}` } });
  if (!response.ok) {
    throw new Error(`Clerk ${method} ${path.split('?')[0]} answered ${response.status}`);
  }
  return response.json();
}

async function sessionTokenFor(userId) {
  const sessions = await clerk('GET', `/sessions?user_id=${encodeURIComponent(userId)}&status=active`);
  if (sessions.length === 0) {
    throw new Error('No active session: sign in to the Verity web app.');
  }
  return (await clerk('POST', `/sessions/${sessions[0].id}/tokens`)).jwt;
}

function buildServer() {
  const server = new McpServer({ name: 'reference-typescript-http', version: '1.0.0' });
  server.registerTool(
    'get_agent',
    {
      description: 'Get an agent by id.',
      inputSchema: { agentId: z.string() },
      annotations: { readOnlyHint: true },
    },
    async ({ agentId }, extra) => {
      try {
        const token = await sessionTokenFor(extra.authInfo.extra.userId);
        const response = await fetch(`${apiBaseUrl}/api/agents/${encodeURIComponent(agentId)}`, {
          headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        });
        const text = await response.text();
        return { content: [{ type: 'text', text }], isError: !response.ok };
      } catch (error) {
        return { content: [{ type: 'text', text: String(error.message) }], isError: true };
      }
    },
  );
  return server;
}

const app = createMcpExpressApp({ host: '127.0.0.1' });
app.use(mcpAuthMetadataRouter({ oauthMetadata, resourceServerUrl: publicUrl, scopesSupported: ['tools:read', 'tools:write'] }));
const bearer = requireBearerAuth({ verifier, resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(publicUrl) });

app.post('/mcp', bearer, async (req, res) => {
  const server = buildServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  res.on('close', () => {
    transport.close();
    server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(port, '127.0.0.1', () => process.stdout.write(`listening ${port}\n`));
