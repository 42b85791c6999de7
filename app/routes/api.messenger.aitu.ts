// POST /api/messenger/aitu — the Aitu messenger bot's webhook (docs/api.md, "Messenger webhook").
import type { ActionFunctionArgs } from "@remix-run/node";
import { ready } from "~/lib/boot.server";
import { jsonError } from "~/lib/json.server";
import { log } from "~/lib/log.server";
import { answerUpdate, MAX_WEBHOOK_BYTES, parseUpdate, readRawBody, SIGNATURE_HEADER, verifySignature } from "~/lib/messenger.server";

export function loader() {
  return jsonError(405, "Use POST with a signed JSON body", undefined, { Allow: "POST" });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return jsonError(405, "Use POST with a signed JSON body", undefined, { Allow: "POST" });
  const { env } = await ready();
  const secret = env.AITU_WEBHOOK_SECRET;
  if (!secret) return jsonError(503, "webhook not configured");
  let body: Uint8Array;
  try {
    body = await readRawBody(request, MAX_WEBHOOK_BYTES);
  } catch (response) {
    if (response instanceof Response) return response;
    throw response;
  }
  if (!verifySignature(secret, body, request.headers.get(SIGNATURE_HEADER))) {
    log.warn("aitu webhook: bad or missing signature");
    return jsonError(401, "invalid signature");
  }
  const update = parseUpdate(body);
  if (update instanceof Response) return update;

  const started = performance.now();
  const baseUrl = env.PUBLIC_URL ?? new URL(request.url).origin;
  const { body: reply, replayed } = await answerUpdate(update, baseUrl);
  // Ids only: the text may hold personal data until the engine has redacted it.
  log.info("aitu message", { chatId: update.message.chatId, messageId: update.message.id, replayed, ms: Math.round(performance.now() - started) });
  return new Response(reply, {
    status: 200,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...(replayed ? { "Idempotent-Replayed": "true" } : {}) },
  });
}
