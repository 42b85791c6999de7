import { describe, expect, it } from "vitest";
import { detectLanguage, languageScores } from "../../../rag/text/language";

describe("detectLanguage", () => {
  it.each([
    ["ЖК ашу", "kk"],
    ["Некені тіркеу", "kk"],
    ["Балабақша кезегі", "kk"],
    ["ЭЦП алу керек", "kk"],
    ["ИП ашу", "kk"],
    ["Зейнетақы қалай алуға болады?", "kk"],
    ["балабакша кезеги калай алу", "kk"],
    ["Жеке куәлікті ауыстыру", "kk"],
    ["Финка дегеніміз не?", "kk"],
    ["Как открыть ИП через egov?", "ru"],
    ["Сколько стоит замена удостоверения?", "ru"],
    ["пособие на ребенка", "ru"],
    ["Где получить справку о несудимости", "ru"],
    ["Replace an identity card", "en"],
    ["How much does a passport cost?", "en"],
    ["register a business via egov", "en"],
  ] as const)("%s → %s", (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it("decides mixed text by the majority of words", () => {
    expect(detectLanguage("как получить ЭЦП через egov kz портал")).toBe("ru");
    expect(detectLanguage("apply for a балабақша place in Astana")).toBe("en");
  });

  it("returns the fallback for text without letters", () => {
    expect(detectLanguage("12345 ?!")).toBe("ru");
    expect(detectLanguage("", "kk")).toBe("kk");
  });

  it("exposes the evidence", () => {
    const scores = languageScores("Некені тіркеу");
    expect(scores.kk).toBeGreaterThan(scores.ru);
    expect(scores.en).toBe(0);
  });
});
