/**
 * A real HTTP server on 127.0.0.1 speaking the OpenAI wire format, for provider tests without network:
 * `POST /v1/chat/completions` (a JSON reply, or server-sent `chat.completion.chunk` events ending in
 * `data: [DONE]` when the request has `stream: true`) and `POST /v1/embeddings` (deterministic
 * vectors). Each test scripts the next chat replies with `script(...)` — text, chunks, an HTTP error
 * or a hang — and reads what the server received from `requests`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type ChatBehaviour =
  | { kind: "reply"; text: string }
  | { kind: "stream"; chunks: string[]; delayMs?: number; hangAfter?: number }
  | { kind: "error"; status: number; message?: string }
  | { kind: "hang" };

export interface ReceivedRequest {
  path: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown>;
}

export interface FakeOpenAI {
  /** e.g. http://127.0.0.1:41234/v1 */
  baseURL: string;
  requests: ReceivedRequest[];
  /** Queues behaviours for the next chat requests, in order; when empty, replies "OK.". */
  script(...behaviours: ChatBehaviour[]): void;
  /** Every text the server received (messages and embedding inputs), joined, for leak checks. */
  receivedText(): string;
  close(): Promise<void>;
}

const EMBEDDING_DIMENSIONS = 16;

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: ReceivedRequest[] = [];
  const queue: ChatBehaviour[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => {
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        return sendJson(res, 400, { error: { message: "invalid JSON", type: "invalid_request_error" } });
      }
      const path = (req.url ?? "").split("?")[0] ?? "";
      requests.push({ path, headers: req.headers, body });
      if (req.method === "POST" && path === "/v1/chat/completions")
        return chat(res, body, queue.shift() ?? { kind: "reply", text: "OK." });
      if (req.method === "POST" && path === "/v1/embeddings") return embeddings(res, body);
      sendJson(res, 404, { error: { message: `no route ${req.method} ${path}`, type: "invalid_request_error" } });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...behaviours) => queue.push(...behaviours),
    receivedText: () => requests.map((r) => JSON.stringify(r.body)).join("\n"),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(value));
}

function chat(res: ServerResponse, body: Record<string, unknown>, behaviour: ChatBehaviour): void {
  const model = String(body.model ?? "fake-model");
  const id = `chatcmpl-${Math.random().toString(36).slice(2, 10)}`;
  const created = Math.floor(Date.now() / 1000);
  if (behaviour.kind === "hang") return; // never answers; the client must give up
  if (behaviour.kind === "error") {
    return sendJson(res, behaviour.status, {
      error: { message: behaviour.message ?? "upstream failure", type: "server_error", code: null },
    });
  }
  if (!body.stream) {
    const text = behaviour.kind === "reply" ? behaviour.text : behaviour.chunks.join("");
    return sendJson(res, 200, {
      id,
      object: "chat.completion",
      created,
      model,
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: text, refusal: null },
          logprobs: null,
          finish_reason: "stop",
        },
      ],
      usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
    });
  }
  const chunks = behaviour.kind === "reply" ? [behaviour.text] : behaviour.chunks;
  const delayMs = behaviour.kind === "stream" ? (behaviour.delayMs ?? 0) : 0;
  const hangAfter = behaviour.kind === "stream" ? behaviour.hangAfter : undefined;
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  const event = (delta: Record<string, unknown>, finish: string | null) =>
    `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
  res.write(event({ role: "assistant", content: "" }, null));
  let i = 0;
  const next = () => {
    if (hangAfter !== undefined && i >= hangAfter) return; // stop sending, keep the connection open
    if (i < chunks.length) {
      res.write(event({ content: chunks[i++] }, null));
      setTimeout(next, delayMs);
      return;
    }
    res.write(event({}, "stop"));
    res.end("data: [DONE]\n\n");
  };
  next();
}

function embeddings(res: ServerResponse, body: Record<string, unknown>): void {
  const input = Array.isArray(body.input) ? body.input.map(String) : [String(body.input ?? "")];
  sendJson(res, 200, {
    object: "list",
    model: String(body.model ?? "fake-embeddings"),
    data: input.map((text, index) => ({ object: "embedding", index, embedding: fakeVector(text) })),
    usage: { prompt_tokens: input.length, total_tokens: input.length },
  });
}

/** Deterministic unit vector from character trigrams, so similar texts get similar vectors. */
export function fakeVector(text: string): number[] {
  const v = new Array<number>(EMBEDDING_DIMENSIONS).fill(0);
  const s = ` ${text.toLowerCase()} `;
  for (let i = 0; i + 3 <= s.length; i++) {
    let h = 2166136261;
    for (let j = i; j < i + 3; j++) h = Math.imul(h ^ s.charCodeAt(j), 16777619);
    v[(h >>> 0) % EMBEDDING_DIMENSIONS]! += 1;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}
