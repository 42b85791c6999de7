import { describe, expect, it } from "vitest";
import { editDistance, SpellingIndex } from "../../../rag/retrieval/spelling";

describe("typo tolerance", () => {
  const index = new SpellingIndex(["паспорт", "получ", "ип", "цон", "эцп", "жогал", "registr", "апостил"]);

  it("corrects within a small edit distance, by swapping е/э, by diminutive and by a known prefix", () => {
    expect(index.corrections("пасспорт")).toEqual(["паспорт"]);
    expect(index.corrections("палуч")).toEqual(["получ"]);
    expect(index.corrections("ецп")).toEqual(["эцп"]);
    expect(index.corrections("ипшк")).toEqual(["ип"]);
    expect(index.corrections("жогалтт")).toEqual(["жогал"]);
    expect(index.corrections("json")).toEqual([]);
    expect(index.corrections("паспорт")).toEqual([]);
  });

  it("finds known tokens that extend a stem by a letter or two", () => {
    expect(index.extensions("regist")).toEqual(["registr"]);
    expect(index.extensions("апости")).toEqual(["апостил"]);
  });

  it("counts adjacent transpositions as one edit", () => {
    expect(editDistance("пасопрт", "паспорт")).toBe(1);
    expect(editDistance("abc", "xyz", 1)).toBe(2);
  });
});
