/**
 * Incremental reader of a `text/event-stream` body: yields each event as soon as its blank-line
 * terminator arrives, however the bytes are split across network chunks.
 */
export interface ServerSentEvent {
  event: string;
  data: string;
}

export function parseEventBlock(block: string): ServerSentEvent | undefined {
  let event = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (!line || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  return data.length > 0 ? { event, data: data.join("\n") } : undefined;
}

export async function* readEventStream(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      // A lone CR at the end may be the first half of a CRLF: wait for the next chunk.
      const safeEnd = !done && buffer.endsWith("\r") ? buffer.length - 1 : buffer.length;
      let pending = buffer.slice(0, safeEnd).replace(/\r\n?/g, "\n");
      const tail = buffer.slice(safeEnd);
      let boundary: number;
      while ((boundary = pending.indexOf("\n\n")) >= 0) {
        const event = parseEventBlock(pending.slice(0, boundary));
        pending = pending.slice(boundary + 2);
        if (event) yield event;
      }
      buffer = pending + tail;
      if (done) {
        const event = parseEventBlock(buffer.replace(/\r\n?/g, "\n"));
        if (event) yield event;
        return;
      }
    }
  } finally {
    reader.releaseLock();
  }
}
