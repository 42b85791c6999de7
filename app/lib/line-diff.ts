/**
 * A line diff by longest common subsequence, for a document's version history. The common head and
 * tail are matched first, so the quadratic table covers only the changed middle; a middle too large
 * for the table (far beyond any service document) is shown as removed then added.
 */
export type DiffLine =
  | { kind: "same"; text: string; oldLine: number; newLine: number }
  | { kind: "del"; text: string; oldLine: number }
  | { kind: "add"; text: string; newLine: number };

/** Above this many table cells the middle is not aligned line by line. */
const MAX_CELLS = 4_000_000;

export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;

  const out: DiffLine[] = [];
  for (let i = 0; i < head; i++) out.push({ kind: "same", text: a[i]!, oldLine: i + 1, newLine: i + 1 });
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  out.push(...diffMiddle(midA, midB, head, head));
  for (let k = tail; k > 0; k--) {
    const i = a.length - k;
    const j = b.length - k;
    out.push({ kind: "same", text: a[i]!, oldLine: i + 1, newLine: j + 1 });
  }
  return out;
}

function diffMiddle(a: string[], b: string[], offsetA: number, offsetB: number): DiffLine[] {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) {
    return [
      ...a.map((text, i): DiffLine => ({ kind: "del", text, oldLine: offsetA + i + 1 })),
      ...b.map((text, j): DiffLine => ({ kind: "add", text, newLine: offsetB + j + 1 })),
    ];
  }
  // lcs[i][j]: length of the LCS of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: "same", text: a[i]!, oldLine: offsetA + i + 1, newLine: offsetB + j + 1 });
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      out.push({ kind: "del", text: a[i]!, oldLine: offsetA + i + 1 });
      i++;
    } else {
      out.push({ kind: "add", text: b[j]!, newLine: offsetB + j + 1 });
      j++;
    }
  }
  for (; i < n; i++) out.push({ kind: "del", text: a[i]!, oldLine: offsetA + i + 1 });
  for (; j < m; j++) out.push({ kind: "add", text: b[j]!, newLine: offsetB + j + 1 });
  return out;
}

function splitLines(text: string): string[] {
  if (text === "") return [];
  return text.replace(/\r\n?/g, "\n").split("\n");
}

export interface DiffHunk {
  lines: DiffLine[];
  /** Unchanged lines left out before this hunk. */
  skippedBefore: number;
}

/** Changed lines with `context` unchanged lines around them; long unchanged runs are folded. */
export function diffHunks(lines: readonly DiffLine[], context = 2): { hunks: DiffHunk[]; skippedAfter: number } {
  const keep = new Array<boolean>(lines.length).fill(false);
  lines.forEach((line, i) => {
    if (line.kind === "same") return;
    for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k++) keep[k] = true;
  });
  const hunks: DiffHunk[] = [];
  let skipped = 0;
  let current: DiffHunk | undefined;
  lines.forEach((line, i) => {
    if (!keep[i]) {
      skipped++;
      current = undefined;
      return;
    }
    if (!current) {
      current = { lines: [], skippedBefore: skipped };
      hunks.push(current);
      skipped = 0;
    }
    current.lines.push(line);
  });
  return { hunks, skippedAfter: skipped };
}

export function diffStats(lines: readonly DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of lines) {
    if (line.kind === "add") added++;
    else if (line.kind === "del") removed++;
  }
  return { added, removed };
}
