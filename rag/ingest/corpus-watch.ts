/**
 * Keeps a process's assistant in step with the corpus in the database when other processes change it
 * (another replica's re-index, the ingest CLI, a corpus edit): every `intervalMs` it calls
 * `assistant.reload()`, which reads `corpus_seq` (one indexed row) and, only when it moved, rebuilds
 * the vector index and corpus view from the database and swaps them in at once. Polls never overlap,
 * the timer never keeps the process alive, and a failing poll is logged once until polls succeed again.
 */
import type { Assistant } from "../assistant";

export interface CorpusWatchOptions {
  /** Default 2000 ms. */
  intervalMs?: number;
  log?: (line: string) => void;
}

export interface CorpusWatch {
  stop(): void;
}

export const DEFAULT_CORPUS_POLL_MS = 2000;

export function watchCorpus(assistant: Pick<Assistant, "reload" | "stats">, options: CorpusWatchOptions = {}): CorpusWatch {
  const intervalMs = options.intervalMs ?? DEFAULT_CORPUS_POLL_MS;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let failing = false;

  const poll = async () => {
    try {
      const started = performance.now();
      if (await assistant.reload()) {
        const stats = assistant.stats();
        log(
          `[rag] picked up corpus change ${stats.corpusSeq} from the database: ${stats.documents} documents, ${stats.chunks} chunks in ${((performance.now() - started) / 1000).toFixed(2)} s`,
        );
      }
      if (failing) log("[rag] corpus polling works again");
      failing = false;
    } catch (error) {
      if (!failing) log(`[rag] corpus polling failed (retrying every ${intervalMs} ms): ${error instanceof Error ? error.message : String(error)}`);
      failing = true;
    }
    if (!stopped) schedule();
  };
  const schedule = () => {
    timer = setTimeout(() => void poll(), intervalMs);
    timer.unref();
  };
  schedule();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
