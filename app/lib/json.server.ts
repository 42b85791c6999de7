/** JSON responses and bounded JSON body reading for the machine endpoints (api.*). */
import { stripControlCharacters } from "./validation.server";
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

export function jsonError(status: number, error: string, details?: unknown, headers: Record<string, string> = {}): Response {
  return jsonResponse(details === undefined ? { error } : { error, details }, status, headers);
}

/**
 * Reads a JSON body of at most `maxBytes`, streaming so an oversized or lying Content-Length cannot
 * make the server buffer more, without control characters in its strings. Throws a 4xx JSON
 * Response on any problem.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) throw jsonError(415, "Content-Type must be application/json");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw jsonError(413, `Body larger than ${maxBytes} bytes`);
  if (!request.body) throw jsonError(400, "Empty body");
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw jsonError(413, `Body larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw jsonError(400, "Body is not valid UTF-8");
  }
  try {
    // Control characters (NUL above all, which PostgreSQL refuses in text) are dropped from every string.
    return JSON.parse(text, (_key, value: unknown) => (typeof value === "string" ? stripControlCharacters(value) : value)) as unknown;
  } catch {
    throw jsonError(400, "Malformed JSON");
  }
}
