// POST /api/chat — the assistant's public contract (docs/api.md). JSON by default; server-sent events
// when the client sends `Accept: text/event-stream`.
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { jsonError, jsonResponse, readJsonBody } from "~/lib/json.server";
import { ready } from "~/lib/boot.server";
import { limitPerMinute } from "~/lib/rate-limit.server";
import { getAssistant, LANGS, type ChatStreamEvent } from "~/lib/rag.server";
import { log } from "~/lib/log.server";

const MAX_BODY_BYTES = 16 * 1024;
export const MAX_MESSAGE_CHARS = 2000;

const bodySchema = z.object({
  message: z.string({ message: "message must be a string" }).trim().min(1, "message must not be empty").max(MAX_MESSAGE_CHARS, `message must be at most ${MAX_MESSAGE_CHARS} characters`),
  locale: z.enum(LANGS, { message: 'locale must be "kk", "ru" or "en"' }).optional(),
  conversationId: z.string({ message: "conversationId must be a string" }).regex(/^[A-Za-z0-9_-]{1,64}$/, "conversationId must be 1-64 letters, digits, - or _").optional(),
});

export function loader() {
  return jsonError(405, "Use POST with a JSON body", undefined, { Allow: "POST" });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return jsonError(405, "Use POST with a JSON body", undefined, { Allow: "POST" });
  let body: unknown;
  try {
    body = await readJsonBody(request, MAX_BODY_BYTES);
  } catch (response) {
    if (response instanceof Response) return response;
    throw response;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return jsonError(400, "Body must be a JSON object");
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) {
    return jsonError(400, parsed.error.issues[0]?.message ?? "Invalid request", parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })));
  }
  const { env } = await ready();
  const wait = await limitPerMinute(request, "chat", env.CHAT_RATE_LIMIT);
  if (wait > 0) return jsonError(429, "Too many questions; try again later", undefined, { "Retry-After": String(wait) });

  const assistant = await getAssistant();
  // The site's own chat page says so, so the dashboard can tell web use from integrations.
  const channel = request.headers.get("x-aqyl-channel") === "web" ? "web" : "api";
  const chatRequest = { ...parsed.data, channel };
  if (!(request.headers.get("accept") ?? "").includes("text/event-stream")) {
    return jsonResponse(await assistant.ask(chatRequest));
  }
  return eventStream(assistant.askStream(chatRequest), request.signal);
}

function eventStream(events: AsyncIterable<ChatStreamEvent>, signal: AbortSignal): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: string, data: unknown) => controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      try {
        for await (const event of events) {
          if (signal.aborted) break;
          if (event.type === "meta") send("meta", { kind: event.kind, language: event.language, conversationId: event.conversationId });
          else if (event.type === "delta") send("delta", { text: event.text });
          else if (event.type === "citations") send("citations", event.citations);
          else send("done", event.reply);
        }
      } catch (error) {
        log.error("chat stream failed", { error: error instanceof Error ? error.message : String(error) });
        send("error", { error: "The answer could not be completed" });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
