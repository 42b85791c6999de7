import { describe, expect, it } from "vitest";
import { stem } from "../../../rag/text/stem";
import { tokenize, wordTokens, analyzeText } from "../../../rag/text/tokenize";

const same = (lang: "kk" | "ru" | "en", words: string[]) => new Set(words.map((w) => stem(w, lang)));

describe("Russian stemmer (Snowball)", () => {
  it("matches reference Snowball stems", () => {
    const cases: [string, string][] = [
      ["красивая", "красив"],
      ["документов", "документ"],
      ["удостоверения", "удостоверен"],
      ["открыть", "откр"],
      ["регистрация", "регистрац"],
      ["получение", "получен"],
      ["выдаётся".replace("ё", "е"), "выда"],
      ["пособие", "пособ"],
      ["зарегистрировать", "зарегистрирова"],
      ["важнейший", "важн"],
      ["ребенка", "ребенк"],
    ];
    for (const [word, expected] of cases) expect(stem(word, "ru"), word).toBe(expected);
  });

  it("conflates inflections", () => {
    expect(same("ru", ["справка", "справки", "справку", "справкой", "справкам"]).size).toBe(1);
    expect(same("ru", ["паспорт", "паспорта", "паспортом", "паспорту"]).size).toBe(1);
  });
});

describe("Kazakh stemmer", () => {
  it("strips plural, possessive and case suffixes down to a shared stem", () => {
    expect(same("kk", ["кезек", "кезегі", "кезегіне", "кезекке", "кезектер", "кезектің"])).toEqual(new Set(["кезек"]));
    expect(same("kk", ["ағза", "ағзалар", "ағзалардың", "ағзаға"])).toEqual(new Set(["ағза"]));
    expect(same("kk", ["азамат", "азаматтық", "азаматтығы", "азаматтар"])).toEqual(new Set(["азамат"]));
  });

  it("works without the Kazakh letters too", () => {
    expect(stem("кезегине", "kk")).toBe("кезек");
    expect(stem("агзалардын", "kk")).toBe("агза");
    expect(stem("алуга", "kk")).toBe("алу");
  });

  it("stops at the verb root after a verbal suffix", () => {
    expect(stem("тіркеу", "kk")).toBe("тірке");
    expect(stem("тіркеуге", "kk")).toBe("тірке");
  });

  it("respects sound harmony (қызметі is қызмет + і, not қызме + ті)", () => {
    expect(stem("қызметі", "kk")).toBe("қызмет");
  });

  it("never leaves fewer than three letters and truncates long stems", () => {
    expect(stem("алу", "kk")).toBe("алу");
    expect(stem("беруге", "kk")).toBe("беру");
    expect(stem("ала", "kk")).toBe("ала");
    expect(stem("тасбақатәрізділердің", "kk").length).toBeLessThanOrEqual(6);
  });
});

describe("English stemmer (Porter)", () => {
  it("matches Porter stems", () => {
    const cases: [string, string][] = [
      ["caresses", "caress"],
      ["ponies", "poni"],
      ["cats", "cat"],
      ["running", "run"],
      ["hopping", "hop"],
      ["agreed", "agre"],
      ["happily", "happili"],
      ["relational", "relat"],
      ["generalization", "gener"],
      ["replacement", "replac"],
      ["cards", "card"],
    ];
    for (const [word, expected] of cases) expect(stem(word, "en"), word).toBe(expected);
  });

  it("leaves numbers and short words alone", () => {
    expect(stem("2026", "en")).toBe("2026");
    expect(stem("id", "en")).toBe("id");
  });
});

describe("tokenize", () => {
  it("removes stop and question words, stems, and folds Kazakh stems", () => {
    expect(tokenize("Балабақша кезегін қалай алуға болады?")).toEqual(["балаба", "кезек", "алу"]);
    expect(tokenize("Как получить справку о несудимости?")).toEqual(["получ", "справк", "несудим"]);
    expect(tokenize("How do I replace my identity card?")).toEqual(["replac", "ident", "card"]);
  });

  it("matches Kazakh typed without Kazakh letters", () => {
    expect(tokenize("балабакша кезегин калай алуга болады")).toEqual(tokenize("Балабақша кезегін қалай алуға болады?"));
  });

  it("uses the given language instead of detecting one", () => {
    expect(tokenize("справки", "ru")).toEqual(["справк"]);
  });

  it("keeps numbers", () => {
    expect(tokenize("15 рабочих дней")).toContain("15");
  });

  it("wordTokens keeps every normalised word", () => {
    expect(wordTokens("Как открыть ИП?")).toEqual(["как", "открыть", "ип"]);
    expect(wordTokens(" … ")).toEqual([]);
  });

  it("analyzeText aligns words and stems", () => {
    const a = analyzeText("Некені тіркеу қалай?");
    expect(a.lang).toBe("kk");
    expect(a.words).toEqual(["некені", "тіркеу"]);
    expect(a.stems).toHaveLength(2);
  });
});
