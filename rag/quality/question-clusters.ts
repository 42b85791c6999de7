/**
 * Groups similar questions for the quality queue, so an administrator reads "ЭЦП для ребёнка — 14
 * times" rather than fourteen rows. Each question becomes the set of its retrieval tokens (normalised,
 * stop words dropped, stemmed, Kazakh folded — `tokenize`), so "как получить эцп ребенку?" and "ЭЦП
 * ребёнку как получить" are the same set. Clustering is greedy in the order given (newest first): a
 * question joins the first cluster whose seed set is at least `threshold` similar by Jaccard, else it
 * starts a new one. Quadratic in the worst case, so callers bound the input (a few thousand rows).
 */
import { tokenize } from "../text/tokenize";

export interface QuestionItem {
  text: string;
  createdAt: number;
}

export interface QuestionCluster<T extends QuestionItem> {
  /** The most frequent wording in the cluster (the newest among equals). */
  label: string;
  count: number;
  lastSeen: number;
  items: T[];
}

export interface ClusterParams {
  /** Minimum Jaccard similarity of token sets to join a cluster. */
  threshold?: number;
}

export const DEFAULT_CLUSTER_THRESHOLD = 0.5;

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared++;
  return shared / (a.size + b.size - shared);
}

export function questionTokens(text: string): Set<string> {
  return new Set(tokenize(text));
}

export function clusterQuestions<T extends QuestionItem>(items: readonly T[], params: ClusterParams = {}): QuestionCluster<T>[] {
  const threshold = params.threshold ?? DEFAULT_CLUSTER_THRESHOLD;
  const clusters: { seed: Set<string>; items: T[] }[] = [];
  for (const item of items) {
    const tokens = questionTokens(item.text);
    let home: (typeof clusters)[number] | undefined;
    // A question with no content words ("???", "[PHONE]") only groups with identical wording.
    if (tokens.size > 0) home = clusters.find((c) => c.seed.size > 0 && jaccard(c.seed, tokens) >= threshold);
    else home = clusters.find((c) => c.seed.size === 0 && c.items[0]!.text.trim().toLowerCase() === item.text.trim().toLowerCase());
    if (home) home.items.push(item);
    else clusters.push({ seed: tokens, items: [item] });
  }
  return clusters
    .map(({ items: members }) => ({
      label: mostFrequentWording(members),
      count: members.length,
      lastSeen: Math.max(...members.map((m) => m.createdAt)),
      items: members,
    }))
    .sort((a, b) => b.count - a.count || b.lastSeen - a.lastSeen);
}

function mostFrequentWording(items: readonly QuestionItem[]): string {
  const counts = new Map<string, { text: string; n: number; at: number }>();
  for (const item of items) {
    const key = item.text.trim().toLowerCase().replace(/\s+/g, " ");
    const entry = counts.get(key);
    if (entry) {
      entry.n++;
      if (item.createdAt > entry.at) entry.at = item.createdAt;
    } else counts.set(key, { text: item.text.trim(), n: 1, at: item.createdAt });
  }
  return [...counts.values()].sort((a, b) => b.n - a.n || b.at - a.at)[0]?.text ?? "";
}
