/**
 * The embedding contract of the assistant: a LangChain `Embeddings` that also names itself and
 * its vector size, so that an index can record which embedder built it and refuse a mismatch.
 * `id` is stable across processes for the same configuration ("hashed-v1-512",
 * "openai:text-embedding-3-small"); `dimensions` is 0 until known for providers that discover it
 * from their first reply, and `resolveDimensions()` makes it known (probing the provider once if
 * needed). Also here: the conversion of vectors to and from the little-endian float32 bytes kept in
 * the `chunks.embedding` column.
 */
import type { Embeddings } from "@langchain/core/embeddings";

export interface Embedder extends Embeddings {
  readonly id: string;
  readonly dimensions: number;
  /** The vector size, asking the provider once if it is not configured. */
  resolveDimensions(): Promise<number>;
}

/** Raised when an embeddings provider fails; the message says what to check. */
export class EmbeddingError extends Error {
  override readonly name = "EmbeddingError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Float32 little-endian bytes of a vector, for the database. */
export function vectorToBuffer(vector: ArrayLike<number>): Buffer {
  const floats = vector instanceof Float32Array ? vector : Float32Array.from(vector as ArrayLike<number>);
  const buf = Buffer.alloc(floats.length * 4);
  for (let i = 0; i < floats.length; i++) buf.writeFloatLE(floats[i]!, i * 4);
  return buf;
}

/** The inverse of `vectorToBuffer`. */
export function bufferToVector(buf: Uint8Array): Float32Array {
  if (buf.byteLength % 4 !== 0)
    throw new EmbeddingError(`An embedding blob of ${buf.byteLength} bytes is not a float32 vector.`);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const out = new Float32Array(buf.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}
