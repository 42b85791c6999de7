import { describe, expect, it } from "vitest";
import {
  dropUngroundedSentences,
  FigureSet,
  GroundedSentenceFilter,
  splitSentences,
} from "../../../rag/answer/figures";

const sources = new FigureSet(["Госпошлина 8 МРП (34 600 ₸), срок 15 рабочих дней; 0.2 MCI (865 ₸); 1,25 МРП"]);

describe("figure grounding", () => {
  it("compares figures by value across spellings", () => {
    for (const figure of ["34600", "34 600", "34,600", "0,2", "1.25", "15", "8"])
      expect(sources.has(figure)).toBe(true);
    for (const figure of ["20", "34 601", "1.5", "2026"]) expect(sources.has(figure)).toBe(false);
  });

  it("drops only sentences with a figure that is not in the sources, ignoring enumerators and [n]", () => {
    const { text, dropped } = dropUngroundedSentences(
      "1. Подайте заявление. Стоимость 8 МРП (34600 ₸) [1]. Срок 20 дней!\nЕщё 1.25 МРП. Конец",
      sources,
    );
    expect(text).toBe("1. Подайте заявление. Стоимость 8 МРП (34600 ₸) [1]. Ещё 1.25 МРП. Конец");
    expect(dropped).toEqual(["Срок 20 дней!"]);
  });

  it("streams sentence by sentence, holding back an unfinished one", () => {
    const filter = new GroundedSentenceFilter(sources);
    expect(filter.push("Срок 15 раб")).toBe("");
    expect(filter.push("очих дней. Цена 99 ")).toBe("Срок 15 рабочих дней.");
    expect(filter.push("₸. Ок")).toBe("");
    expect(filter.flush()).toBe(" Ок");
    expect(filter.dropped).toEqual(["Цена 99 ₸."]);
  });

  it("does not split inside decimals or after list numbers", () => {
    expect(splitSentences("1. Пункт 2.5 МРП. Далее")).toEqual(["1. Пункт 2.5 МРП. ", "Далее"]);
  });
});
