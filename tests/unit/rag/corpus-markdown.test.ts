import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../../rag/corpus/issues";
import { parseServiceMarkdown } from "../../../rag/corpus/markdown";

const valid = readFileSync("tests/fixtures/rag-corpus/ru/passport-issue.md", "utf8");
const strict = {
  strict: true,
  source: "ru/passport-issue.md",
  expect: { serviceId: "passport-issue", lang: "ru" as const },
};

function errors(text: string, options = strict): string[] {
  return parseServiceMarkdown(text, options)
    .issues.filter((i) => i.severity === "error")
    .map(formatIssue);
}

describe("Markdown service documents", () => {
  it("parses a valid document into the validated input shape", () => {
    const { document, issues } = parseServiceMarkdown(valid, strict);
    expect(issues).toEqual([]);
    expect(document).toMatchObject({
      serviceId: "passport-issue",
      lang: "ru",
      title: "Выдача паспорта гражданина РК",
      category: "identity",
      sourceUrl: "https://egov.kz/cms/ru/services/passport",
      lastChecked: "2026-11-20",
      keywords: ["загранпаспорт", "паспорт для выезда за границу", "паспорт"],
      unverified: [],
      bodyLine: 12,
      source: "ru/passport-issue.md",
    });
    expect(document!.body.split("\n")[1]).toBe("# Выдача паспорта гражданина РК");
  });

  it("says what is wrong and on which line", () => {
    expect(errors("# no front matter\n")).toEqual([
      'ru/passport-issue.md:1: the file must start with front matter between "---" lines',
    ]);
    expect(errors(valid.replace("category: identity", "category: visas"))).toEqual([
      expect.stringMatching(/^ru\/passport-issue\.md:6: front matter: category must be one of identity, /),
    ]);
    expect(errors(valid.replace("https://egov.kz/cms/ru/services/passport", "https://example.com/x"))).toEqual([
      "ru/passport-issue.md:7: front matter: sourceUrl must be on egov.kz or gov.kz",
    ]);
    expect(errors(valid.replace('lastChecked: "2026-11-20"', 'lastChecked: "2026-02-30"'))).toEqual([
      "ru/passport-issue.md:8: front matter: lastChecked is not a real calendar date",
    ]);
    expect(errors(valid.replace("serviceId: passport-issue\n", ""))).toEqual([
      'ru/passport-issue.md: front matter: "serviceId" is missing',
    ]);
    expect(errors(valid.replace("lang: ru", "lang: en"))).toEqual([
      'ru/passport-issue.md:3: lang "en" does not match the folder "ru/"',
    ]);
    expect(errors(valid.replace("## Срок", "## Сроки оказания"))).toEqual([
      'ru/passport-issue.md:22: unknown section heading "## Сроки оказания" (see the table in docs/corpus-format.md)',
      "ru/passport-issue.md:12: missing section(s): term",
    ]);
    expect(errors(valid.replace("- 15 рабочих дней.", ""))).toEqual([
      'ru/passport-issue.md:22: section "Срок" is empty',
    ]);
  });

  it("accepts a document without the fixed sections outside strict mode", () => {
    const text =
      "---\nserviceId: kenya-1\nlang: en\ntitle: Lodge complaints\n---\nFile a complaint with the Ombudsman online.\n";
    const { document, issues } = parseServiceMarkdown(text);
    expect(issues).toEqual([]);
    expect(document).toMatchObject({ serviceId: "kenya-1", category: "", sourceUrl: "", bodyLine: 6 });
  });
});
