/**
 * Splits a Markdown body into its `# Title` and `## Section` blocks, keeping 1-based line numbers in
 * the source file. A body with no `##` headings (a table-row corpus) becomes one `body` section.
 */
import type { SectionId } from "../types";
import { sectionOfHeading } from "./sections";

export type BodySectionId = SectionId | "body" | "intro" | "other";

export interface BodySection {
  /** A fixed section id, `body` for an unsectioned text, `intro` for text before the first heading, `other` for an unknown heading. */
  section: BodySectionId;
  heading: string;
  headingLine: number;
  /** Section text without the heading, blank edge lines trimmed. */
  text: string;
  lineStart: number;
  lineEnd: number;
}

export interface BodyStructure {
  title?: string;
  titleLine?: number;
  sections: BodySection[];
}

const H1 = /^#\s+(.+?)\s*#*\s*$/;
const H2 = /^##\s+(.+?)\s*#*\s*$/;

export function parseBodyStructure(body: string, bodyLine = 1, fallbackTitle = ""): BodyStructure {
  const lines = body.split(/\r?\n/);
  const headingIndexes: number[] = [];
  let titleIndex = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (H2.test(line)) headingIndexes.push(i);
    else if (titleIndex < 0 && headingIndexes.length === 0 && H1.test(line)) titleIndex = i;
  }
  const structure: BodyStructure = { sections: [] };
  if (titleIndex >= 0) {
    structure.title = H1.exec(lines[titleIndex] ?? "")![1]!;
    structure.titleLine = bodyLine + titleIndex;
  }
  const title = structure.title ?? fallbackTitle;
  const introStart = titleIndex + 1;
  const introEnd = headingIndexes[0] ?? lines.length;
  const intro = collectBlock(lines, introStart, introEnd, bodyLine);
  if (intro) {
    structure.sections.push({
      section: headingIndexes.length === 0 ? "body" : "intro",
      heading: title,
      headingLine: structure.titleLine ?? intro.lineStart,
      ...intro,
    });
  }
  headingIndexes.forEach((index, n) => {
    const heading = H2.exec(lines[index] ?? "")![1]!;
    const block = collectBlock(lines, index + 1, headingIndexes[n + 1] ?? lines.length, bodyLine);
    const headingLine = bodyLine + index;
    structure.sections.push({
      section: sectionOfHeading(heading) ?? "other",
      heading,
      headingLine,
      ...(block ?? { text: "", lineStart: headingLine, lineEnd: headingLine }),
    });
  });
  return structure;
}

function collectBlock(lines: string[], start: number, endExclusive: number, bodyLine: number) {
  let first = start;
  let last = endExclusive - 1;
  while (first <= last && (lines[first] ?? "").trim() === "") first++;
  while (last >= first && (lines[last] ?? "").trim() === "") last--;
  if (first > last) return undefined;
  return { text: lines.slice(first, last + 1).join("\n"), lineStart: bodyLine + first, lineEnd: bodyLine + last };
}
