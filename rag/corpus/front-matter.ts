/**
 * A small YAML subset for corpus front matter: `key: value` pairs whose values are strings or lists of
 * strings (block `- item` lists or flow `[a, "b"]` lists, possibly over several lines), plain, single-
 * or double-quoted scalars, `|`/`>` block scalars and `#` comments. Every scalar stays a string — a
 * full YAML parser would turn `lastChecked: 2026-01-15` into a Date and `270` into a number, which is
 * never what a corpus author means. Errors carry the 1-based line in the source file.
 */

export type FrontMatterValue = string | string[];

export class FrontMatterError extends Error {
  override name = "FrontMatterError";
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export interface FrontMatterResult {
  values: Record<string, FrontMatterValue>;
  /** Line of each key, for error messages about its value. */
  lines: Record<string, number>;
}

const KEY_LINE = /^([A-Za-z_][\w-]*)\s*:(?:\s+(.*)|\s*)$/;

/**
 * Parses front-matter lines. `firstLine` is the 1-based file line of `lines[0]`, so error positions
 * point into the original file.
 */
export function parseFrontMatter(lines: string[], firstLine = 1): FrontMatterResult {
  const values: Record<string, FrontMatterValue> = {};
  const keyLines: Record<string, number> = {};
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i] ?? "";
    const lineNo = firstLine + i;
    if (isBlankOrComment(raw)) {
      i++;
      continue;
    }
    if (/^\s/.test(raw))
      throw new FrontMatterError(`unexpected indented line "${raw.trim()}" (expected "key: value")`, lineNo);
    const match = KEY_LINE.exec(raw);
    if (!match) throw new FrontMatterError(`expected "key: value", got "${raw.trim()}"`, lineNo);
    const key = match[1]!;
    if (key in values) throw new FrontMatterError(`duplicate key "${key}" (first on line ${keyLines[key]})`, lineNo);
    keyLines[key] = lineNo;
    const rest = stripComment(match[2] ?? "").trim();
    i++;
    if (rest === "") {
      // A block list (`- item` lines) or nothing at all (an empty value).
      const items: string[] = [];
      while (i < lines.length) {
        const line = lines[i] ?? "";
        if (isBlankOrComment(line)) {
          i++;
          continue;
        }
        const item = /^\s*-(?:\s+(.*)|\s*)$/.exec(line);
        if (!item) break;
        items.push(parseScalar(stripComment(item[1] ?? "").trim(), firstLine + i));
        i++;
      }
      values[key] = items.length > 0 ? items : "";
      continue;
    }
    if (rest.startsWith("[")) {
      let text = rest;
      const start = lineNo;
      while (!flowListClosed(text)) {
        if (i >= lines.length) throw new FrontMatterError(`list for "${key}" is not closed with "]"`, start);
        text += " " + stripComment(lines[i] ?? "").trim();
        i++;
      }
      values[key] = parseFlowList(text, start);
      continue;
    }
    if (rest === "|" || rest === ">" || rest === "|-" || rest === ">-") {
      const block: string[] = [];
      while (i < lines.length && (/^\s+\S/.test(lines[i] ?? "") || (lines[i] ?? "").trim() === "")) {
        block.push((lines[i] ?? "").trim());
        i++;
      }
      values[key] = rest.startsWith("|") ? block.join("\n").trim() : block.filter(Boolean).join(" ").trim();
      continue;
    }
    values[key] = parseScalar(rest, lineNo);
  }
  return { values, lines: keyLines };
}

function isBlankOrComment(line: string): boolean {
  const t = line.trim();
  return t === "" || t.startsWith("#");
}

/** Removes a trailing ` # comment` outside quotes. */
function stripComment(text: string): string {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(text[i - 1] ?? ""))) return text.slice(0, i);
  }
  return text;
}

function flowListClosed(text: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "[") depth++;
    else if (c === "]") depth--;
  }
  return depth <= 0 && quote === null;
}

function parseFlowList(text: string, line: number): string[] {
  const inner = text.trim();
  if (!inner.endsWith("]")) throw new FrontMatterError(`unexpected text after "]" in a list`, line);
  const body = inner.slice(1, -1);
  const items: string[] = [];
  let current = "";
  let quote: string | null = null;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quote) {
      current += c;
      if (c === "\\" && quote === '"') {
        current += body[i + 1] ?? "";
        i++;
      } else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
      current += c;
    } else if (c === "[" || c === "]") {
      throw new FrontMatterError("nested lists are not supported in front matter", line);
    } else if (c === ",") {
      items.push(current);
      current = "";
    } else current += c;
  }
  if (quote) throw new FrontMatterError("unterminated quoted string in a list", line);
  items.push(current);
  const trimmed = items.map((item) => item.trim());
  // `[a, b,]` and `[]` are fine; an empty item in the middle is a typo worth reporting.
  if (trimmed.length > 0 && trimmed[trimmed.length - 1] === "") trimmed.pop();
  if (trimmed.some((item) => item === ""))
    throw new FrontMatterError("empty item in a list (two commas in a row?)", line);
  return trimmed.map((item) => parseScalar(item, line));
}

function parseScalar(text: string, line: number): string {
  if (text.startsWith('"')) {
    if (text.length < 2 || !text.endsWith('"')) {
      throw new FrontMatterError(`unterminated double-quoted string ${text}`, line);
    }
    try {
      return JSON.parse(text) as string;
    } catch {
      // YAML allows escapes JSON does not (\'); fall back to a simple unescape.
      return text.slice(1, -1).replace(/\\(.)/g, "$1");
    }
  }
  if (text.startsWith("'")) {
    if (text.length < 2 || !text.endsWith("'"))
      throw new FrontMatterError(`unterminated single-quoted string ${text}`, line);
    return text.slice(1, -1).replace(/''/g, "'");
  }
  return text;
}
