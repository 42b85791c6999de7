/**
 * Section-aware chunking. Each section of a document is one chunk when it is short (the usual case in
 * the service corpus); a long section is split with LangChain's `RecursiveCharacterTextSplitter`, and
 * every piece is located back in the section so its line span stays exact.
 */
import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";
import type { ChunkProvenance } from "../types";
import { documentIdOf, sha256, type ServiceDocumentInput } from "./document";
import { parseBodyStructure } from "./structure";

export interface ChunkDraft extends ChunkProvenance {
  text: string;
}

export interface ChunkParams {
  /** Characters per chunk before a section is split. */
  chunkSize: number;
  chunkOverlap: number;
}

export const DEFAULT_CHUNK_PARAMS: ChunkParams = { chunkSize: 800, chunkOverlap: 120 };

export class Chunker {
  private readonly splitter: RecursiveCharacterTextSplitter;
  readonly params: ChunkParams;

  constructor(params: Partial<ChunkParams> = {}) {
    this.params = { ...DEFAULT_CHUNK_PARAMS, ...params };
    const { chunkSize, chunkOverlap } = this.params;
    if (!(chunkSize > 0)) throw new Error(`chunkSize must be positive (got ${chunkSize})`);
    if (!(chunkOverlap >= 0 && chunkOverlap < chunkSize)) {
      throw new Error(
        `chunkOverlap must be at least 0 and smaller than chunkSize (got ${chunkOverlap} ≥ ${chunkSize})`,
      );
    }
    this.splitter = new RecursiveCharacterTextSplitter({
      chunkSize,
      chunkOverlap,
      separators: ["\n\n", "\n", ". ", "; ", ", ", " ", ""],
    });
  }

  async chunk(doc: ServiceDocumentInput): Promise<ChunkDraft[]> {
    const documentId = documentIdOf(doc);
    const structure = parseBodyStructure(doc.body, doc.bodyLine, doc.title);
    const chunks: ChunkDraft[] = [];
    for (const s of structure.sections) {
      if (!s.text.trim()) continue;
      const pieces = s.text.length <= this.params.chunkSize ? [s.text] : await this.splitter.splitText(s.text);
      let searchFrom = 0;
      for (const piece of pieces) {
        // Pieces come in order and may overlap, so each one starts at or after the previous start.
        let offset = s.text.indexOf(piece, searchFrom);
        if (offset < 0) offset = s.text.indexOf(piece);
        if (offset < 0) offset = searchFrom;
        searchFrom = offset + 1;
        const lineStart = s.lineStart + countNewlines(s.text, 0, offset);
        const lineEnd = lineStart + countNewlines(piece, 0, piece.length);
        chunks.push({
          documentId,
          serviceId: doc.serviceId,
          lang: doc.lang,
          section: s.section,
          heading: s.heading,
          lineStart,
          lineEnd,
          text: piece,
          contentHash: sha256(`${s.section}\n${piece}`),
        });
      }
    }
    return chunks;
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
