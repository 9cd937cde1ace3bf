// Drives an MCP server over stdio with the official TypeScript SDK client, as many MCP clients do.
// Usage: node call-every-tool.mjs <plan.json>
//   plan: { "server": { "command", "args", "env", "cwd" }, "clientInfo": { "name", "version" },
//           "calls": [ { "tool", "arguments" } ] }
// Writes one JSON line to stdout: { "tools": [names], "calls": [ { "tool", "threw", "error", "isError",
//   "hasStructuredContent", "text" } ] }. "threw" is what matters: the SDK's callTool throws when a tool with an
// outputSchema answers success without structuredContent, or with structuredContent that does not validate.
import { readFile } from 'node:fs/promises';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const plan = JSON.parse(await readFile(process.argv[2], 'utf8'));
const transport = new StdioClientTransport({ ...plan.server, stderr: 'inherit' });
const client = new Client(plan.clientInfo, { capabilities: {} });
await client.connect(transport);

try {
  // listTools also compiles the output-schema validators that callTool uses.
  const tools = [];
  let cursor;
  do {
    const page = await client.listTools(cursor === undefined ? {} : { cursor });
    tools.push(...page.tools.map((tool) => tool.name));
    cursor = page.nextCursor;
  } while (cursor !== undefined);

  const calls = [];
  for (const { tool, arguments: args } of plan.calls) {
    try {
      const result = await client.callTool({ name: tool, arguments: args });
      calls.push({
        tool,
        threw: false,
        error: null,
        isError: result.isError === true,
        hasStructuredContent: result.structuredContent !== undefined,
        text: result.content.filter((block) => block.type === 'text').map((block) => block.text).join('\n'),
      });
    } catch (error) {
      calls.push({ tool, threw: true, error: String(error?.message ?? error), isError: false, hasStructuredContent: false, text: '' });
    }
  }

  process.stdout.write(JSON.stringify({ tools, calls }) + '\n');
} finally {
  await client.close();
}
