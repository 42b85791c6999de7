// Reliability: faults, against the production server on loopback.
//  - kill -9 during a write load, restart on the same DATA_DIR: PRAGMA integrity_check is ok and every write
//    the server acknowledged before the kill is there;
//  - the vector index file deleted, truncated, or altered by one byte: the server starts, rebuilds it from the
//    database (saying why) and answers as before;
//  - the chat model endpoint refuses connections, resets them, hangs, or answers garbage (raw TCP bytes,
//    broken JSON, broken server-sent events, the wrong shape): the extractive answer arrives within
//    MODEL_TIMEOUT_MS, as JSON and as a stream.
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Client } from "../helpers/http-client";
import { startServer, type RunningServer } from "../helpers/server";
import { newWriteLog, openChallenges, runWriteLoad, summary, verifyAcknowledged } from "../helpers/write-load";

const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "aqyl-faults-"));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function started(env: Record<string, string>, dir: string): Promise<RunningServer> {
  const server = await startServer(env, { dataDir: dir });
  cleanup.push(() => server.stop({ keepData: true }));
  return server;
}

interface Reply {
  kind: string;
  answer: string;
  citations: { serviceId: string }[];
}

async function ask(server: RunningServer, message: string, stream = false): Promise<{ reply: Reply; ms: number }> {
  const t = performance.now();
  const res = await fetch(`${server.url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(stream ? { accept: "text/event-stream" } : {}) },
    body: JSON.stringify({ message }),
  });
  expect(res.status).toBe(200);
  const text = await res.text();
  const ms = performance.now() - t;
  if (!stream) return { reply: JSON.parse(text) as Reply, ms };
  const done = /event: done\ndata: (.*)\n/.exec(text);
  expect(done, `a "done" event in ${text.slice(0, 300)}`).not.toBeNull();
  return { reply: JSON.parse(done![1]!) as Reply, ms };
}

const QUESTIONS: [string, string][] = [
  ["сколько стоит паспорт", "passport-issue"],
  ["how do I register a car I just bought", "vehicle-registration"],
  ["жеке куәлік алу үшін қандай құжаттар керек", "id-card-issue"],
];

describe("kill -9 during writes", () => {
  it("keeps the database intact and every acknowledged write", async () => {
    const dir = dataDir();
    const env = { CHAT_RATE_LIMIT: "100000" };
    const first = await started(env, dir);
    const db = new Database(join(dir, "aqyl.sqlite"), { readonly: true });
    const challenges = openChallenges(db);
    db.close();
    const log = newWriteLog();
    const load = runWriteLoad({
      baseUrl: first.url,
      users: 20,
      until: Date.now() + 60_000,
      challenges,
      readPaths: ["/startups"],
      mix: { read: 5, chat: 5, edit: 40, apply: 20, signup: 30 },
      log,
    });
    // Let acknowledged writes pile up (at least 80 with some applications, or 25 s), then kill the server mid-flight.
    const acked = () =>
      log.signups.length +
      log.applications.length +
      [...log.edits.values()].reduce((a, e) => a + e.filter((x) => x.acked).length, 0);
    for (const t0 = Date.now(); (acked() < 80 || log.applications.length < 5) && Date.now() - t0 < 25_000;)
      await new Promise((r) => setTimeout(r, 100));
    const exited = new Promise((r) => first.process.once("exit", r));
    first.process.kill("SIGKILL");
    await exited;
    load.stop();
    await load.done;
    console.log(`before kill -9: ${summary(log)}`);
    expect(log.serverErrors).toEqual([]);
    expect(log.signups.length).toBeGreaterThan(20);

    const second = await started(env, dir);
    const after = new Database(join(dir, "aqyl.sqlite"), { readonly: true });
    try {
      expect(after.prepare("pragma integrity_check").pluck().get()).toBe("ok");
      expect(after.prepare("pragma foreign_key_check").all()).toEqual([]);
      expect(verifyAcknowledged(after, log)).toEqual([]);
    } finally {
      after.close();
    }
    // The restarted server works: an account acknowledged before the kill logs in, and the assistant answers.
    const client = new Client(second.url);
    const login = await client.submit("/login", { email: log.signups[0]!, password: "long-password-1" });
    expect(login.status).toBe(302);
    expect((await ask(second, QUESTIONS[0]![0])).reply.kind).toBe("answer");
  }, 240_000);
});

describe("a lost or damaged vector index", () => {
  it("is rebuilt from the database at start, and the answers stay the same", async () => {
    const dir = dataDir();
    let server = await started({}, dir);
    const reference = new Map<string, Reply>();
    for (const [q, serviceId] of QUESTIONS) {
      const { reply } = await ask(server, q);
      expect(reply.citations[0]?.serviceId).toBe(serviceId);
      reference.set(q, reply);
    }
    const indexFile = join(dir, "index", "vectors.hnsw");
    const damages: [string, () => void][] = [
      ["deleted", () => unlinkSync(indexFile)],
      ["truncated", () => writeFileSync(indexFile, readFileSync(indexFile).subarray(0, 1000))],
      ["random bytes", () => writeFileSync(indexFile, randomBytes(statSync(indexFile).size))],
      [
        "one vector byte altered",
        () => {
          const bytes = readFileSync(indexFile);
          bytes[96 + 132 + 17] = bytes[96 + 132 + 17]! ^ 0x5a;
          writeFileSync(indexFile, bytes);
        },
      ],
      ["metadata deleted", () => unlinkSync(join(dir, "index", "vectors.meta.json"))],
    ];
    for (const [what, damage] of damages) {
      await server.stop({ keepData: true });
      damage();
      server = await started({}, dir);
      expect(server.output(), `${what}: the start says the index was rebuilt`).toMatch(
        /vector index .* (is missing or unreadable|is stale|has no corpus state)/,
      );
      expect(existsSync(indexFile), `${what}: the index file is written again`).toBe(true);
      for (const [q] of QUESTIONS) {
        const { reply } = await ask(server, q);
        const { kind, answer, citations } = reference.get(q)!;
        expect({ kind: reply.kind, answer: reply.answer, citations: reply.citations }, `${what}: "${q}"`).toEqual({
          kind,
          answer,
          citations,
        });
      }
    }
    // The rebuilt index is good: the next start loads it without rebuilding.
    await server.stop({ keepData: true });
    server = await started({}, dir);
    expect(server.output()).not.toMatch(/vector index .* is missing/);
  }, 240_000);
});

type Mode = "reset" | "hang" | "garbage bytes" | "broken JSON" | "broken stream" | "wrong shape";

/** A raw TCP "model endpoint" on 127.0.0.1 that misbehaves as told. */
async function misbehavingEndpoint(): Promise<{
  port: number;
  mode: { current: Mode };
  refuse: () => Promise<void>;
  listen: () => Promise<void>;
  close: () => Promise<void>;
}> {
  const mode = { current: "hang" as Mode };
  const sockets = new Set<Socket>();
  let server: Server;
  let port = 0;
  const respond = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let seen = "";
    socket.on("data", (chunk: Buffer) => {
      seen += chunk.toString("latin1");
      if (!seen.includes("\r\n\r\n")) return;
      const http = (type: string, body: string) =>
        socket.end(
          `HTTP/1.1 200 OK\r\ncontent-type: ${type}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
        );
      switch (mode.current) {
        case "reset":
          return socket.resetAndDestroy();
        case "hang":
          return; // read the request, never answer
        case "garbage bytes":
          return socket.end(randomBytes(512));
        case "broken JSON":
          return http("application/json", '{"id": "x", "choices": [{"message": {"content": "Паспорт стоит');
        case "broken stream":
          return http(
            "text/event-stream",
            'data: {"id":"x","choices":[{"delta":{"content":"Паспорт\ndata: {{{{\n\nevent: error\ndata: nonsense\n\n',
          );
        case "wrong shape":
          return http("application/json", '{"choices": "none", "error": null}');
      }
    });
  };
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer(respond);
      server.listen(port, "127.0.0.1", () => {
        port = (server.address() as { port: number }).port;
        resolve();
      });
    });
  await listen();
  const close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return { port, mode, refuse: close, listen, close };
}

describe("a failing chat model", () => {
  it("falls back to the extractive answer within MODEL_TIMEOUT_MS, whatever the endpoint does", async () => {
    const endpoint = await misbehavingEndpoint();
    cleanup.push(() => endpoint.close());
    const TIMEOUT_MS = 1500;
    const server = await started(
      {
        OPENAI_BASE_URL: `http://127.0.0.1:${endpoint.port}/v1`,
        OPENAI_API_KEY: "test-key",
        CHAT_MODEL: "broken-model",
        MODEL_TIMEOUT_MS: String(TIMEOUT_MS),
        SEED_DEMO_DATA: "false",
      },
      dataDir(),
    );
    const [question, serviceId] = QUESTIONS[0]!;
    const check = async (what: string) => {
      for (const stream of [false, true]) {
        const { reply, ms } = await ask(server, question, stream);
        const label = `${what}${stream ? " (streamed)" : ""}`;
        expect(reply.kind, label).toBe("answer");
        expect(reply.citations[0]?.serviceId, label).toBe(serviceId);
        expect(reply.answer, label).toMatch(/34[\s,.]?600/);
        expect(ms, `${label}: answered in ${Math.round(ms)} ms`).toBeLessThan(TIMEOUT_MS + 1500);
      }
    };
    for (const mode of ["reset", "hang", "garbage bytes", "broken JSON", "broken stream", "wrong shape"] as Mode[]) {
      endpoint.mode.current = mode;
      await check(mode);
    }
    await endpoint.refuse();
    await check("connection refused");
    expect(server.output()).toMatch(/chat model failed/);
  }, 120_000);
});
