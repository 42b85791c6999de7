/**
 * Where the vector index lives in the data directory, and the small state file saved beside it that
 * ties the index to a database state (`corpus_seq` and chunk count), so a stale index is noticed.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { HnswStore } from "../index/hnsw-store";

export const STATE_FILE = "corpus-state.json";

export interface IndexFileState {
  corpusSeq: number;
  count: number;
  embedderId: string;
  savedAt: string;
}

export function indexDir(dataDir: string): string {
  return join(dataDir, "index");
}

export function readIndexFileState(dir: string): IndexFileState | undefined {
  const path = join(dir, STATE_FILE);
  if (!existsSync(path)) return undefined;
  try {
    const state = JSON.parse(readFileSync(path, "utf8")) as IndexFileState;
    return typeof state.corpusSeq === "number" && typeof state.count === "number" ? state : undefined;
  } catch {
    return undefined;
  }
}

/** Saves the index, then the state file (last, so a crash in between leaves a detectably stale pair). */
export function saveIndex(store: HnswStore, dir: string, corpusSeq: number): IndexFileState {
  mkdirSync(dir, { recursive: true });
  store.save(dir);
  const state: IndexFileState = {
    corpusSeq,
    count: store.count,
    embedderId: store.embedderId,
    savedAt: new Date().toISOString(),
  };
  const path = join(dir, STATE_FILE);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(state, null, 2));
  renameSync(tmp, path);
  return state;
}
