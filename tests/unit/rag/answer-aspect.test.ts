import { describe, expect, it } from "vitest";
import { analyzeAspect, detectAspect } from "../../../rag/answer/aspect";
import { cueWords } from "../../../rag/answer/cues";

describe("aspect detection", () => {
  it.each([
    ["а сколько стоит?", "cost"],
    ["Пособие на рождение ребенка, сколько платят", "cost"],
    ["қанша тұрады?", "cost"],
    ["канша турады", "cost"],
    ["is it free?", "cost"],
    ["Замена удостоверения личности — какие документы нужны?", "documents"],
    ["what documents do I need?", "documents"],
    ["қандай құжаттар керек?", "documents"],
    ["Жеке куәлік алу мерзімі", "term"],
    ["How long does a passport take", "term"],
    ["910 форма до какого числа сдавать", "term"],
    ["Где получить паспорт РК для выезда за границу", "channels"],
    ["қайда өтініш беру керек", "channels"],
    ["Who can apply for a pension?", "who"],
    ["кто имеет право на пособие", "who"],
    ["что я получу в итоге", "result"],
    ["по какому закону", "legal"],
    ["Справка о несудимости", "general"],
    ["Replace an identity card", "general"],
  ])("%s → %s", (question, aspect) => {
    expect(detectAspect(question)).toBe(aspect);
  });

  it("ignores cue words that are part of the service's own name", () => {
    expect(detectAspect("Оформление пенсии по возрасту документы нужны")).toBe("documents");
    const title = new Set(cueWords("Назначение пенсии по возрасту"));
    expect(analyzeAspect("пенсия по возрасту с какого возраста", title).aspect).toBe("who");
    expect(analyzeAspect("пенсия по возрасту", title).aspect).toBe("general");
  });
});
