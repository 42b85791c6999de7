import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeAnswer, flagUnverified, truncate } from "../../../rag/answer/compose";
import { buildCorpusView, type CorpusView } from "../../../rag/retrieval/corpus-view";
import { HashedEmbedder } from "../../../rag/embeddings/hashed";
import { createTestAssistant, type TestAssistant } from "../../helpers/rag";

let t: TestAssistant;
let view: CorpusView;

beforeAll(async () => {
  t = await createTestAssistant();
  view = await buildCorpusView(t.handle.db, { embedder: new HashedEmbedder(), dense: null });
});
afterAll(() => t.close());

describe("extractive composer", () => {
  it("answers the asked section first, then the key facts, then the source", () => {
    const answer = composeAnswer(view.services.get("passport-issue")!, "ru", "cost")!;
    expect(answer.text).toBe(
      [
        "Выдача паспорта гражданина РК — Стоимость:",
        "- 8 МРП (34 600 ₸) за паспорт на 36 страниц.",
        "- 4 МРП (17 300 ₸) для детей до 16 лет.",
        "",
        "Кратко:",
        "- Срок: 15 рабочих дней.",
        "- Где и как подать: Лично в ЦОНе.",
        "",
        "Источник: Выдача паспорта гражданина РК — https://egov.kz/cms/ru/services/passport (проверено 20.11.2026)",
      ].join("\n"),
    );
    expect(answer.citations[0]).toEqual({
      serviceId: "passport-issue",
      title: "Выдача паспорта гражданина РК",
      url: "/services/passport-issue?lang=ru#cost",
      section: "cost",
      quote: "8 МРП (34 600 ₸) за паспорт на 36 страниц. 4 МРП (17 300 ₸) для детей до 16 лет.",
    });
    expect(answer.citations.map((c) => c.section)).toEqual(["cost", "term", "channels"]);
  });

  it("answers in the question's language and gives an overview for a general question", () => {
    const answer = composeAnswer(view.services.get("eds-issue")!, "en", "general")!;
    expect(answer.text.split("\n")[0]).toBe("Obtaining an electronic digital signature (EDS):");
    expect(answer.text).toContain("- Where and how to apply: Online on pki.gov.kz or egov.kz with a face check.");
    expect(answer.text).toContain("- Cost: Free of charge.");
    expect(answer.text.split("\n").at(-1)).toMatch(
      /^Source: .* — https:\/\/egov\.kz\/cms\/en\/services\/eds \(checked 2026-11-20\)$/,
    );
  });

  it("falls back to another language when the question's is missing, and says so", () => {
    const answer = composeAnswer(view.services.get("apostille")!, "kk", "term")!;
    expect(answer.doc.lang).toBe("ru");
    expect(answer.text.split("\n")[0]).toBe("Бұл қызметтің сипаттамасы тек орыс тілінде бар.");
    expect(answer.text).toContain("Проставление апостиля — Мерзімі:\n- 3 рабочих дня.");
    expect(answer.citations[0]!.url).toBe("/services/apostille?lang=ru#term");
  });

  it("flags unverified figures in the reply's language", () => {
    expect(flagUnverified("Ключи действуют 1 год.", ["1 год"], "ru")).toBe(
      "Ключи действуют 1 год (требует подтверждения).",
    );
    expect(flagUnverified("Keys: 1 year (to be confirmed).", ["1 year"], "en")).toBe("Keys: 1 year (to be confirmed).");
    const result = composeAnswer(view.services.get("eds-issue")!, "kk", "result")!;
    expect(result.text).toContain("1 жыл жарамды ЭЦҚ кілттері (нақтылауды қажет етеді).");
  });

  it("shortens long items at a sentence or word boundary", () => {
    expect(truncate("Первое предложение здесь. Второе предложение длиннее.", 40)).toBe("Первое предложение здесь.");
    expect(truncate("один два три четыре пять шесть", 20)).toBe("один два три четыре…");
  });
});
