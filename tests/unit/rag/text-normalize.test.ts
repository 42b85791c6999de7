import { describe, expect, it } from "vitest";
import { foldKazakh, normalize, normalizeGeneral } from "../../../rag/text/normalize";

describe("normalize", () => {
  it("lowercases, maps ё to е, strips punctuation and collapses whitespace", () => {
    expect(normalize("  Ёлка,  «ЖСН-ді»  —  как?! \n\t Ok ")).toBe("елка жсн ді как ok");
  });

  it("applies NFKC (full-width letters, ligatures, non-breaking spaces)", () => {
    expect(normalize("ＡＢＣ ﬁle 5\u00a0406")).toBe("abc file 5 406");
  });

  it("keeps digits and letters of every script", () => {
    expect(normalize("0.2 МРП (865 ₸), 2026 жыл; 東京")).toBe("0 2 мрп 865 2026 жыл 東京");
  });

  it("repairs Latin lookalikes inside Cyrillic words, Latin i as Kazakh і", () => {
    expect(normalize("Некенi тiркеу")).toBe("некені тіркеу");
    expect(normalize("cпрaвкa")).toBe("справка");
  });

  it("leaves English words alone even next to Cyrillic ones", () => {
    expect(normalize("Как открыть ИП через eGov?")).toBe("как открыть ип через egov");
  });

  it("maps substitute letters to Kazakh ones", () => {
    expect(normalize("əкімдік ҡала ҥ ɵмір")).toBe("әкімдік қала ң өмір");
  });

  it("drops soft hyphens, zero-width characters, stress marks and apostrophes inside words", () => {
    expect(normalize("удосто\u00adверение ша\u0301г Qazaqstan’s zero\u200bwidth")).toBe(
      "удостоверение шаг qazaqstans zerowidth",
    );
  });

  it("is idempotent and returns an empty string for punctuation only", () => {
    const once = normalize("Балабақша кезегі: қалай тұруға болады?");
    expect(normalize(once)).toBe(once);
    expect(normalize(" ?!… — ")).toBe("");
  });

  it("the fast path agrees with the general path", () => {
    const alphabet =
      "abcxyzABCXYZ áéÀßøØ×ΣσАБВЁЖабвёжәғқңөұүһіӘҒҚҢӨҰҮҺІəҡїʼ’' \u00ad\u0301\u200b\u00a0«»“”—…,.;:!?()0123456789₸№\tİǅﬁ²҂\u0483";
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let i = 0; i < 5000; i++) {
      let s = "";
      const len = 1 + (next() % 24);
      for (let j = 0; j < len; j++) s += alphabet[next() % alphabet.length];
      expect(normalize(s)).toBe(normalizeGeneral(s.normalize("NFKC")));
    }
  });
});

describe("foldKazakh", () => {
  it("maps the nine Kazakh letters to Russian keyboard ones", () => {
    expect(foldKazakh("әғқңөұүһі")).toBe("агкноууxи".replace("x", "х"));
    expect(foldKazakh("Балабақша кезегі")).toBe("Балабакша кезеги");
  });

  it("returns text without Kazakh letters unchanged", () => {
    const s = "справка о несудимости";
    expect(foldKazakh(s)).toBe(s);
  });
});
