/**
 * Grounding check for model-written answers: every figure (number) in a sentence must appear in the
 * cited sources or in the question, or the sentence is dropped. Figures compare by value, so
 * "4 325", "4,325" and "4325" are one figure and "2,5" equals "2.5". List enumerators ("1.") and
 * source markers ("[2]") are not figures.
 */

const NUMBER = /\d+(?:(?:[\s\u00a0\u202f]\d{3})(?!\d)|(?:[.,]\d+))*/g;

/**
 * The values a written number may stand for: with its separators read as thousands grouping (only
 * when every group after one has three digits: "34 600", "4,325") and with the last "." or "," read as
 * a decimal point ("2,5", "1.25", and "4,325" again).
 */
function readings(raw: string): string[] {
  const compact = raw.replace(/[\s\u00a0\u202f]/g, " ");
  const groups = compact.split(/[ .,]/);
  const out = new Set<string>();
  if (groups.slice(1).every((g) => g.length === 3)) out.add(String(Number(groups.join(""))));
  const lastSep = Math.max(compact.lastIndexOf("."), compact.lastIndexOf(","));
  if (lastSep > 0) {
    const whole = compact.slice(0, lastSep).replace(/[ .,]/g, "");
    const frac = compact.slice(lastSep + 1).replace(/0+$/, "");
    out.add(frac ? `${Number(whole)}.${frac}` : String(Number(whole)));
  }
  return [...out];
}

function stripNonFigures(text: string): string {
  return text.replace(/\[\d+(?:\s*[,–-]\s*\d+)*\]/g, " ").replace(/^\s*(?:[-*•]\s*)?\d{1,2}[.)]\s/gm, " ");
}

export function figuresIn(text: string): string[] {
  return [...stripNonFigures(text).matchAll(NUMBER)].map((m) => m[0]);
}

export class FigureSet {
  private readonly known = new Set<string>();

  constructor(texts: readonly string[]) {
    for (const text of texts) for (const f of figuresIn(text)) for (const r of readings(f)) this.known.add(r);
  }

  has(figure: string): boolean {
    return readings(figure).some((r) => this.known.has(r));
  }

  /** Figures of a sentence that are not in the set. */
  unknownIn(sentence: string): string[] {
    return figuresIn(sentence).filter((f) => !this.has(f));
  }
}

/**
 * Splits text into sentences, keeping each sentence's trailing whitespace so the pieces join back to
 * the original. A boundary is a line break, or ., !, ?, … followed by a space — but not after a
 * piece with no letters yet ("1. ", "2.5 ").
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let sawLetter = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\p{L}/u.test(c)) sawLetter = true;
    const end = c === "\n" || (sawLetter && /[.!?…]/.test(c) && /\s/.test(text[i + 1] ?? ""));
    if (!end) continue;
    let j = i + 1;
    while (j < text.length && /[ \t\n]/.test(text[j]!)) j++;
    out.push(text.slice(start, j));
    start = j;
    i = j - 1;
    sawLetter = false;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/**
 * Streams model text sentence by sentence, letting through only sentences whose figures are all
 * known. `push` returns the text that may be shown now; `flush` the rest at the end.
 */
export class GroundedSentenceFilter {
  private buffer = "";
  /** Whitespace after the last shown sentence, held back until more text follows it. */
  private pendingSpace = "";
  readonly dropped: string[] = [];

  constructor(private readonly figures: FigureSet) {}

  push(delta: string): string {
    this.buffer += delta;
    const pieces = splitSentences(this.buffer);
    // The last piece may be unfinished unless it ends in a boundary.
    const last = pieces[pieces.length - 1] ?? "";
    const complete = /[\n]\s*$|[.!?…]\s+$/.test(last) ? pieces : pieces.slice(0, -1);
    this.buffer = complete.length === pieces.length ? "" : last;
    return this.show(complete.map((s) => this.check(s)).join(""));
  }

  /** The rest at the end; the text shown in total never ends in whitespace. */
  flush(): string {
    const rest = this.buffer;
    this.buffer = "";
    const shown = this.show(rest ? this.check(rest) : "");
    this.pendingSpace = "";
    return shown;
  }

  private show(text: string): string {
    if (!text) return "";
    const body = text.replace(/\s+$/, "");
    const out = body ? this.pendingSpace + body : "";
    this.pendingSpace = body ? text.slice(body.length) : this.pendingSpace + text;
    return out;
  }

  private check(sentence: string): string {
    if (this.figures.unknownIn(sentence).length === 0) return sentence;
    this.dropped.push(sentence.trim());
    return "";
  }
}

/** Drops every sentence with a figure not in `figures` (the non-streaming form). */
export function dropUngroundedSentences(text: string, figures: FigureSet): { text: string; dropped: string[] } {
  const filter = new GroundedSentenceFilter(figures);
  const kept = filter.push(text) + filter.flush();
  return { text: kept, dropped: filter.dropped };
}
