import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Chunker } from "../../../rag/corpus/chunk";
import { sha256 } from "../../../rag/corpus/document";
import { parseServiceMarkdown } from "../../../rag/corpus/markdown";

const path = "tests/fixtures/rag-corpus/ru/passport-issue.md";
const fileLines = readFileSync(path, "utf8").split("\n");

describe("section-aware chunking", () => {
  it("gives every chunk its section, heading and the exact line span in the source file", async () => {
    const doc = parseServiceMarkdown(fileLines.join("\n"), { source: path }).document!;
    const chunks = await new Chunker().chunk(doc);
    expect(chunks.map((c) => c.section)).toEqual(["who", "documents", "term", "cost", "channels", "result", "legal"]);
    for (const chunk of chunks) {
      // The span covers exactly the chunk's text, line for line.
      expect(fileLines.slice(chunk.lineStart - 1, chunk.lineEnd).join("\n")).toBe(chunk.text);
      expect(fileLines[chunk.lineStart - 2]).toBe(`## ${chunk.heading}`);
      expect(chunk).toMatchObject({ documentId: "passport-issue:ru", serviceId: "passport-issue", lang: "ru" });
      expect(chunk.contentHash).toBe(sha256(`${chunk.section}\n${chunk.text}`));
    }
    const cost = chunks.find((c) => c.section === "cost")!;
    expect([cost.lineStart, cost.lineEnd]).toEqual([26, 27]);
  });

  it("splits a long section with the LangChain splitter and keeps each piece's lines", async () => {
    const bullets = Array.from(
      { length: 12 },
      (_, i) => `- Пункт ${i + 1}: ${"подробное описание требования ".repeat(3).trim()}.`,
    );
    const text = [
      "---",
      "serviceId: long-doc",
      "lang: ru",
      "title: Длинный документ",
      "---",
      "",
      "# Длинный документ",
      "",
      "## Документы",
      ...bullets,
      "",
    ].join("\n");
    const lines = text.split("\n");
    const doc = parseServiceMarkdown(text).document!;
    const chunks = await new Chunker({ chunkSize: 300, chunkOverlap: 60 }).chunk(doc);
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(chunk.section).toBe("documents");
      expect(chunk.text.length).toBeLessThanOrEqual(300);
      expect(lines.slice(chunk.lineStart - 1, chunk.lineEnd).join("\n")).toContain(chunk.text.split("\n")[0]!);
      expect(lines[chunk.lineEnd - 1]).toContain(chunk.text.split("\n").at(-1)!);
    }
    expect(chunks[0]!.lineStart).toBe(10);
    expect(chunks.at(-1)!.lineEnd).toBe(21);
  });

  it("rejects an overlap that is not smaller than the chunk size", () => {
    expect(() => new Chunker({ chunkSize: 100, chunkOverlap: 100 })).toThrow(
      /chunkOverlap must be at least 0 and smaller than chunkSize/,
    );
  });
});
