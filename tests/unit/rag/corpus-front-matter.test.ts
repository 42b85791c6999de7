import { describe, expect, it } from "vitest";
import { FrontMatterError, parseFrontMatter } from "../../../rag/corpus/front-matter";

describe("front matter (YAML subset)", () => {
  it("reads scalars, quoted strings, block and flow lists, keeping every value a string", () => {
    const { values } = parseFrontMatter([
      "serviceId: passport-issue",
      'title: "Выдача паспорта: 36 страниц"',
      "agency: 'Министерство ''внутренних'' дел'",
      "lastChecked: 2026-11-20  # when checked",
      "code: 270",
      "keywords:",
      '  - "ЖК ашу"',
      "  - ИП",
      'unverified: [ "1 год", 0.5 МРП, ]',
      "empty: []",
      "multi: [a,",
      "  b]",
    ]);
    expect(values).toEqual({
      serviceId: "passport-issue",
      title: "Выдача паспорта: 36 страниц",
      agency: "Министерство 'внутренних' дел",
      lastChecked: "2026-11-20",
      code: "270",
      keywords: ["ЖК ашу", "ИП"],
      unverified: ["1 год", "0.5 МРП"],
      empty: [],
      multi: ["a", "b"],
    });
  });

  it("reports the line of a problem in the file", () => {
    const at = (lines: string[], first = 2) => {
      try {
        parseFrontMatter(lines, first);
      } catch (e) {
        return e instanceof FrontMatterError ? `${e.line}: ${e.message}` : String(e);
      }
      return "no error";
    };
    expect(at(["title: a", "title: b"])).toBe('3: duplicate key "title" (first on line 2)');
    expect(at(["title: a", "just text"])).toMatch(/^3: expected "key: value"/);
    expect(at(["keywords: [a, b"])).toMatch(/^2: list for "keywords" is not closed/);
    expect(at(['title: "open'])).toMatch(/^2: unterminated double-quoted string/);
    expect(at(["keywords: [a,, b]"])).toMatch(/^2: empty item in a list/);
  });
});
