import { describe, expect, it } from "vitest";
import { isValidIin, passesLuhn, redact } from "../../../rag/privacy/redact";

/** Appends the control digit to 11 IIN digits (the official algorithm, written independently). */
function withControl(first11: string): string {
  const d = [...first11].map(Number);
  const sum = (w: number[]) => w.reduce((s, wi, i) => s + wi * d[i]!, 0) % 11;
  let c = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (c === 10) c = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return first11 + String(c);
}

const VALID_IIN = withControl("90010130012"); // 900101300126

describe("isValidIin", () => {
  it("accepts IINs with a correct control digit", () => {
    expect(VALID_IIN).toBe("900101300126");
    expect(isValidIin(VALID_IIN)).toBe(true);
    expect(isValidIin(withControl("85123140077"))).toBe(true);
  });

  it("uses the second weight set when the first gives 10", () => {
    // Search a birth-date prefix whose first control is 10 and check the second set decides.
    let found = "";
    for (let n = 0; n < 10000 && !found; n++) {
      const first11 = `880315${String(n).padStart(5, "0")}`;
      const d = [...first11].map(Number);
      const first = d.reduce((s, x, i) => s + x * (i + 1), 0) % 11;
      const second = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2].reduce((s, w, i) => s + w * d[i]!, 0) % 11;
      if (first === 10 && second !== 10) found = first11 + String(second);
    }
    expect(found).not.toBe("");
    expect(isValidIin(found)).toBe(true);
  });

  it("rejects a wrong control digit, a bad date, and wrong lengths", () => {
    expect(isValidIin("900101300127")).toBe(false);
    expect(isValidIin(withControl("90130130012"))).toBe(false); // month 13
    expect(isValidIin("90010130012")).toBe(false);
    expect(isValidIin("90010130012a")).toBe(false);
  });
});

describe("passesLuhn", () => {
  it("checks the Luhn sum, ignoring spaces and dashes", () => {
    expect(passesLuhn("4111 1111 1111 1111")).toBe(true);
    expect(passesLuhn("5500-0000-0000-0004")).toBe(true);
    expect(passesLuhn("378282246310005")).toBe(true);
    expect(passesLuhn("4111111111111112")).toBe(false);
    expect(passesLuhn("1")).toBe(false);
    expect(passesLuhn("abc")).toBe(false);
  });
});

describe("redact", () => {
  it("redacts valid and invalid IINs alike", () => {
    const r = redact(`Мой ИИН ${VALID_IIN}, а у жены 900101300127.`);
    expect(r.text).toBe("Мой ИИН [IIN], а у жены [IIN].");
    expect(r.found).toEqual([{ kind: "iin", count: 2 }]);
  });

  it("does not take 11- or 13-digit runs for IINs", () => {
    expect(redact("код 90010130012").text).toBe("код 90010130012");
  });

  it.each([
    "+7 701 123 45 67",
    "8(701)123-45-67",
    "87011234567",
    "+77011234567",
    "+7 (701) 123-45-67",
    "8 701 123 4567",
    "8 (7172) 74-10-20",
    "701 123 45 67",
  ])("redacts the phone %s", (phone) => {
    const r = redact(`звоните ${phone} вечером`);
    expect(r.text).toBe("звоните [PHONE] вечером");
    expect(r.found).toEqual([{ kind: "phone", count: 1 }]);
  });

  it("redacts e-mails", () => {
    const r = redact("пишите на aigerim.n-92@mail.kz или info@gov.kz.");
    expect(r.text).toBe("пишите на [EMAIL] или [EMAIL].");
    expect(r.found).toEqual([{ kind: "email", count: 2 }]);
  });

  it("redacts Luhn-valid card numbers as cards and Luhn-failing card-shaped numbers as documents", () => {
    const r = redact("карта 4111 1111 1111 1111, ещё 5500-0000-0000-0004, amex 3782 822463 10005, и 4111111111111112");
    expect(r.text).toBe("карта [CARD], ещё [CARD], amex [CARD], и [DOC]");
    expect(r.found).toEqual([
      { kind: "card", count: 3 },
      { kind: "document", count: 1 },
    ]);
  });

  it("redacts passport and ID card numbers", () => {
    expect(redact("паспорт N12345678").text).toBe("паспорт [DOC]");
    expect(redact("удостоверение личности № 043123456 выдано").text).toBe("удостоверение личности № [DOC] выдано");
    expect(redact("жеке куәлік нөмірі 043123456").text).toBe("жеке куәлік нөмірі [DOC]");
    expect(redact("my passport number is 123456789").text).toBe("my passport number is [DOC]");
  });

  it.each([
    "910",
    "2026",
    "15 рабочих дней",
    "0.2 МРП",
    "5 406 ₸",
    "1 250 000 000 000 ₸",
    "приказ № 310 от 01.01.2026",
    "с 9:00 до 18:00",
    "1414",
    "0,5 АЕК (2 163 ₸)",
    "закон № 94-V",
  ])("keeps the ordinary number in %s", (text) => {
    expect(redact(text)).toEqual({ text, found: [] });
  });

  it("handles several kinds in one message and reports them in a fixed order", () => {
    const r = redact(`ИИН ${VALID_IIN}, тел 87011234567, почта a@b.kz, карта 4111111111111111, паспорт N12345678`);
    expect(r.text).toBe("ИИН [IIN], тел [PHONE], почта [EMAIL], карта [CARD], паспорт [DOC]");
    expect(r.found.map((f) => f.kind)).toEqual(["iin", "phone", "email", "card", "document"]);
  });
});
