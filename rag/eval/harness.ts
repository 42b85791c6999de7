/**
 * An assistant on a throwaway database (SQLite in memory, index files in a temporary folder) loaded
 * with a corpus, for evaluations and benchmarks that must not touch DATA_DIR or the chat log.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import { createAssistant, type Assistant, type AssistantOptions } from "../assistant";
import type { EvalQuestion, Outcome } from "./questions";

export interface Harness {
  assistant: Assistant;
  close(): Promise<void>;
}

export async function createHarness(options: Partial<Omit<AssistantOptions, "db" | "dataDir">> = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), "aqyl-eval-"));
  const handle = openDatabase({ dataDir, sqliteFile: ":memory:" });
  await migrateToLatest(handle.db);
  const assistant = await createAssistant({ log: () => undefined, ...options, db: handle.db, dataDir });
  return {
    assistant,
    async close() {
      await assistant.close();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Asks every question (its `after` question first, in the same conversation). */
export async function runQuestions(assistant: Assistant, questions: readonly EvalQuestion[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const question of questions) {
    let conversationId: string | undefined;
    if (question.after)
      conversationId = (await assistant.ask({ message: question.after, locale: question.locale, channel: "eval" }))
        .conversationId;
    const started = performance.now();
    const reply = await assistant.ask({
      message: question.q,
      locale: question.locale,
      conversationId,
      channel: "eval",
    });
    outcomes.push({ question, reply, latencyMs: performance.now() - started });
  }
  return outcomes;
}
