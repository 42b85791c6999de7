// An assistant over the small fixture corpus (tests/fixtures/rag-corpus) on a fresh in-memory database,
// with its index files in a temporary folder that `close()` removes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAssistant, type Assistant, type AssistantOptions } from "../../rag/assistant";
import { loadRagConfig } from "../../rag/config";
import type { DbHandle } from "../../db/connection";
import { createTestDatabase } from "./db";

export const FIXTURE_CORPUS = "tests/fixtures/rag-corpus";

export interface TestAssistant {
  assistant: Assistant;
  handle: DbHandle;
  dataDir: string;
  logs: string[];
  close(): Promise<void>;
}

export async function createTestAssistant(
  options: Partial<Omit<AssistantOptions, "db" | "dataDir">> = {},
): Promise<TestAssistant> {
  const handle = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), "aqyl-rag-"));
  const logs: string[] = [];
  const assistant = await createAssistant({
    config: loadRagConfig({}),
    seedsDir: FIXTURE_CORPUS,
    log: (line) => logs.push(line),
    ...options,
    db: handle.db,
    dataDir,
  });
  return {
    assistant,
    handle,
    dataDir,
    logs,
    async close() {
      await assistant.close();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
