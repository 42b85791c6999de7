// The pure parts of corpus administration and the quality loop: the line diff of the version history,
// the editor's Markdown round trip over the seed corpus, the ownership table and question clustering.
import { describe, expect, it } from "vitest";
import { documentMarkdown, sameContent } from "../../app/lib/corpus-admin.server";
import { diffHunks, diffLines, diffStats, type DiffLine } from "../../app/lib/line-diff";
import { OWNER_RULES, ownerSlugFor } from "../../db/queries/corpus-owners";
import type { ServiceDocument } from "../../db/schema";
import { documentContentHash, type ServiceDocumentInput } from "../../rag/corpus/document";
import { loadSeedCorpus } from "../../rag/corpus/load";
import { parseServiceMarkdown } from "../../rag/corpus/markdown";
import { clusterQuestions, jaccard } from "../../rag/quality/question-clusters";

const show = (lines: DiffLine[]) => lines.map((l) => `${l.kind === "same" ? " " : l.kind === "add" ? "+" : "-"}${l.text}`);

describe("line diff", () => {
  it("marks nothing in identical texts", () => {
    const lines = diffLines("a\nb\nc", "a\nb\nc");
    expect(lines.every((l) => l.kind === "same")).toBe(true);
    expect(diffStats(lines)).toEqual({ added: 0, removed: 0 });
  });

  it("finds a replaced line between unchanged ones, with old and new line numbers", () => {
    const lines = diffLines("# T\n## Cost\n- Free.\n## Term\n- 1 day.", "# T\n## Cost\n- 0.5 MCI.\n## Term\n- 1 day.");
    expect(show(lines)).toEqual([" # T", " ## Cost", "-- Free.", "+- 0.5 MCI.", " ## Term", " - 1 day."]);
    expect(lines[2]).toMatchObject({ kind: "del", oldLine: 3 });
    expect(lines[3]).toMatchObject({ kind: "add", newLine: 3 });
    expect(lines[5]).toMatchObject({ kind: "same", oldLine: 5, newLine: 5 });
  });

  it("aligns insertions and deletions by longest common subsequence", () => {
    expect(show(diffLines("a\nb\nc\nd", "a\nc\nd\ne"))).toEqual([" a", "-b", " c", " d", "+e"]);
    expect(show(diffLines("x\na\ny\nb", "a\nb"))).toEqual(["-x", " a", "-y", " b"]);
    expect(diffStats(diffLines("", "one\ntwo"))).toEqual({ added: 2, removed: 0 });
    expect(diffStats(diffLines("one\ntwo", ""))).toEqual({ added: 0, removed: 2 });
  });

  it("treats CRLF and LF line ends alike", () => {
    expect(diffStats(diffLines("a\r\nb\r\n", "a\nb\n"))).toEqual({ added: 0, removed: 0 });
  });

  it("folds long unchanged runs into hunks with context", () => {
    const before = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
    const after = [...before];
    after[14] = "changed";
    const { hunks, skippedAfter } = diffHunks(diffLines(before.join("\n"), after.join("\n")), 2);
    expect(hunks).toHaveLength(1);
    expect(hunks[0]!.skippedBefore).toBe(12);
    expect(show(hunks[0]!.lines)).toEqual([" line 13", " line 14", "-line 15", "+changed", " line 16", " line 17"]);
    expect(skippedAfter).toBe(13);
  });
});

function rowOf(doc: ServiceDocumentInput): ServiceDocument {
  return {
    id: `${doc.serviceId}:${doc.lang}`, service_id: doc.serviceId, lang: doc.lang, title: doc.title, agency: doc.agency, category: doc.category,
    source_url: doc.sourceUrl, last_checked: doc.lastChecked, keywords: JSON.stringify(doc.keywords), unverified: JSON.stringify(doc.unverified),
    body: doc.body, content_hash: documentContentHash(doc), status: "published", version: 1, updated_by: null, owner_agency_id: null, created_at: 0, updated_at: 0,
  };
}

describe("the editor's Markdown", () => {
  const seed = loadSeedCorpus();

  it("round-trips every seed document through the strict parser without a change", () => {
    expect(seed.documents.length).toBeGreaterThanOrEqual(180);
    for (const doc of seed.documents) {
      const parsed = parseServiceMarkdown(documentMarkdown(rowOf(doc)), { strict: true, expect: { serviceId: doc.serviceId, lang: doc.lang } });
      expect(parsed.issues.filter((i) => i.severity === "error"), doc.source).toEqual([]);
      expect(sameContent(parsed.document!, rowOf(doc))).toBe(true);
      // Same line layout as the seed file, so even the content hash (which covers line numbers) is unchanged.
      expect(documentContentHash(parsed.document!)).toBe(documentContentHash(doc));
    }
  });

  it("keeps quotes, backslashes and empty lists intact", () => {
    const doc = { ...seed.documents[0]!, title: 'Справка "о несудимости" \\ тест', keywords: [], unverified: ['"0,5 МРП"'] };
    const parsed = parseServiceMarkdown(documentMarkdown(rowOf(doc)), {});
    expect(parsed.document?.title).toBe(doc.title);
    expect(parsed.document?.keywords).toEqual([]);
    expect(parsed.document?.unverified).toEqual(['"0,5 МРП"']);
  });
});

describe("document owners", () => {
  it("maps seed services to agencies by id prefix or agency text, and leaves the rest to administrators", () => {
    expect(ownerSlugFor("eds-issue", ["Национальный удостоверяющий центр Республики Казахстан (НУЦ РК)"])).toBe("ministry-of-ai-digital-development");
    expect(ownerSlugFor("tax-form-910", [])).toBe("state-revenue-committee");
    expect(ownerSlugFor("new-service", ["State Revenue Committee of the Ministry of Finance"])).toBe("state-revenue-committee");
    expect(ownerSlugFor("new-service", ["«Азаматтарға арналған үкімет» мемлекеттік корпорациясы"])).toBe("ministry-of-ai-digital-development");
    // Only a state-corporation service itself goes to the digital ministry, not a ministry's service delivered through it.
    expect(ownerSlugFor("age-pension", ["Министерство труда и социальной защиты населения РК через Госкорпорацию «Правительство для граждан»"])).toBeUndefined();
    expect(ownerSlugFor("id-card-issue", ["Министерство внутренних дел Республики Казахстан"])).toBeUndefined();
  });

  it("names only agencies that exist in the seeds", async () => {
    const { readFileSync } = await import("node:fs");
    const slugs = new Set((JSON.parse(readFileSync("seeds/marketplace/agencies.json", "utf8")) as { slug: string }[]).map((a) => a.slug));
    for (const rule of OWNER_RULES) expect(slugs.has(rule.agency), rule.agency).toBe(true);
  });
});

describe("question clusters", () => {
  const at = (text: string, createdAt: number) => ({ text, createdAt });

  it("groups rewordings and case or punctuation variants, biggest group first", () => {
    const clusters = clusterQuestions([
      at("Как вырастить помидоры на балконе?", 5),
      at("погода в Астане завтра", 4),
      at("как вырастить помидоры на балконе", 3),
      at("Помидоры на балконе — как вырастить?", 2),
      at("Погода в Астане завтра?", 1),
    ]);
    expect(clusters.map((c) => c.count)).toEqual([3, 2]);
    expect(clusters[0]!.lastSeen).toBe(5);
    expect(clusters[1]!.label.toLowerCase()).toContain("погода");
  });

  it("keeps unrelated questions apart and groups content-free ones only when identical", () => {
    const clusters = clusterQuestions([at("стоимость паспорта", 1), at("стоимость ЭЦП", 2), at("???", 3), at("???", 4), at("!!!", 5)]);
    expect(clusters.map((c) => c.count).sort()).toEqual([1, 1, 1, 2]);
  });

  it("measures Jaccard similarity of token sets", () => {
    expect(jaccard(new Set(["a", "b"]), new Set(["b", "c"]))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set())).toBe(1);
  });
});
