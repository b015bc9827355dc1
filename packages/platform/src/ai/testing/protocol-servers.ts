import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake server saw it: JSON bodies parsed, multipart bodies as form data. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  json: Record<string, unknown> | undefined;
  form: FormData | undefined;
}

/** What the handler wants sent back; `hang` never answers (until the client gives up). */
export type FakeReply = { status?: number; body: unknown } | { hang: true };

export type FakeHandler = (request: RecordedRequest, index: number) => FakeReply | Promise<FakeReply>;

/** A local HTTP server speaking just enough of a provider protocol for the real SDK code to run. */
export interface ProtocolServer {
  /** Base URL including `/v1`, as the SDKs expect it. */
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  handler: FakeHandler;
  /** Resolves when the server has received `count` requests in total. */
  waitForRequests(count: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a fake provider on 127.0.0.1, port 0. The same server answers OpenAI
 * (`/v1/chat/completions`, `/v1/audio/transcriptions`) and Anthropic (`/v1/messages`) paths; the
 * handler decides what each request gets.
 */
export async function startProtocolServer(handler: FakeHandler): Promise<ProtocolServer> {
  const requests: RecordedRequest[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = createServer(async (req, res) => {
    const recorded = await record(req);
    const index = requests.push(recorded) - 1;
    for (const waiter of waiters.filter((w) => requests.length >= w.count)) waiter.resolve();
    const reply = await state.handler(recorded, index);
    if ('hang' in reply) return;
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply.body));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const state: ProtocolServer = {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    handler,
    waitForRequests(count) {
      if (requests.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
  return state;
}

async function record(req: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  const base = {
    method: req.method ?? 'GET',
    path: (req.url ?? '/').split('?')[0] ?? '/',
    headers: req.headers,
  };
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://fake/', {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    }).formData();
    return { ...base, json: undefined, form };
  }
  const json = body.length > 0 ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : undefined;
  return { ...base, json, form: undefined };
}

/** An OpenAI chat-completions answer with `content` and token usage. */
export function chatCompletion(content: string, usage = { input: 12, output: 7 }): FakeReply {
  return {
    body: {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'fake-model',
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: {
        prompt_tokens: usage.input,
        completion_tokens: usage.output,
        total_tokens: usage.input + usage.output,
      },
    },
  };
}

/**
 * An Anthropic messages answer carrying `value`: as the `json` tool's input when the SDK asked
 * for JSON through that tool, else as text (structured-output mode and plain chat).
 */
export function anthropicMessage(
  request: RecordedRequest,
  value: unknown,
  usage = { input: 20, output: 9 },
): FakeReply {
  const tools = (request.json?.tools ?? []) as { name?: string }[];
  const toolMode = tools.some((t) => t.name === 'json');
  const content = toolMode
    ? [{ type: 'tool_use', id: 'toolu_test', name: 'json', input: value }]
    : [{ type: 'text', text: typeof value === 'string' ? value : JSON.stringify(value) }];
  return {
    body: {
      id: 'msg_test',
      type: 'message',
      role: 'assistant',
      model: String(request.json?.model ?? 'claude-test'),
      content,
      stop_reason: toolMode ? 'tool_use' : 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: usage.input, output_tokens: usage.output },
    },
  };
}

/** A provider-style error body with a status. */
export function errorReply(status: number, message = 'fake failure'): FakeReply {
  return {
    status,
    body: { error: { message, type: status >= 500 ? 'server_error' : 'invalid_request_error' } },
  };
}

/** The text of the last user message of a chat-completions or messages request. */
export function lastUserText(request: RecordedRequest): string {
  const messages = (request.json?.messages ?? []) as { role: string; content: unknown }[];
  const last = [...messages].reverse().find((m) => m.role === 'user');
  if (!last) return '';
  if (typeof last.content === 'string') return last.content;
  return (last.content as { type: string; text?: string }[]).map((p) => p.text ?? '').join('');
}
