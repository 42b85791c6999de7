import { createInstance, type i18n as I18n } from "i18next";
import { describe, expect, it } from "vitest";
import { i18nOptions, LANGUAGES, type Language } from "~/i18n/config";
import { i18nFor } from "~/lib/i18n.server";
import { labelsFor, VOCABULARIES, type Vocabulary } from "~/lib/labels";
import { resources } from "~/locales";

function freshInstance(lng: Language): I18n {
  const instance = createInstance();
  void instance.init(i18nOptions(lng));
  return instance;
}

/** How a label was made before the maps: a `t()` per label, the value itself when the key is missing. */
function labelByT(i18n: I18n, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return i18n.exists(key) ? String(i18n.t(key as never)) : value;
}

/** Every value of the vocabulary in any language's catalogue. */
function vocabularyValues(prefix: string): string[] {
  const values = new Set<string>();
  for (const lng of LANGUAGES) {
    let branch: unknown = resources[lng].translation;
    for (const part of prefix.split(".")) branch = (branch as Record<string, unknown>)[part];
    for (const value of Object.keys(branch as object)) values.add(value);
  }
  return [...values];
}

const vocabularies = Object.entries(VOCABULARIES).filter(([name]) => name !== "trlLevel") as [Exclude<Vocabulary, "trlLevel">, string][];

describe.each(LANGUAGES)("vocabulary labels in %s", (lng) => {
  const reference = freshInstance(lng);
  const labels = labelsFor(i18nFor(lng));

  it("are made once per instance and language", () => {
    expect(labelsFor(i18nFor(lng))).toBe(labels);
    expect(labelsFor(i18nFor(lng), lng)).toBe(labels);
  });

  it.each(vocabularies)("%s: the same text as t() for every key", (name, prefix) => {
    const values = vocabularyValues(prefix);
    expect(values.length).toBeGreaterThan(1);
    for (const value of values) expect(labels[name](value), `${prefix}.${value}`).toBe(labelByT(reference, prefix, value));
  });

  it("TRL names and level descriptions match t() for every level, and beyond", () => {
    for (const level of [1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 12]) {
      expect(labels.trl(level)).toBe(String(reference.t("common.trl", { level })));
      expect(labels.trlLevel(level)).toBe(labelByT(reference, VOCABULARIES.trlLevel, String(level)));
    }
  });

  it("shows a value the catalogue does not know as it is", () => {
    expect(labels.sector("quantum-farming")).toBe("quantum-farming");
    expect(labels.city("Taraz-2")).toBe("Taraz-2");
    // Names of Object.prototype are not vocabulary entries.
    expect(labels.stage("constructor")).toBe("constructor");
    expect(labels.geography("")).toBe("");
  });
});

describe("labels of an instance that changes language", () => {
  it("follow the language asked for", async () => {
    const instance = freshInstance("kk");
    const kk = labelsFor(instance);
    await instance.changeLanguage("en");
    const en = labelsFor(instance);
    expect(en).not.toBe(kk);
    expect(en.sector("agriculture")).toBe(labelByT(freshInstance("en"), VOCABULARIES.sector, "agriculture"));
    expect(kk.sector("agriculture")).toBe(labelByT(freshInstance("kk"), VOCABULARIES.sector, "agriculture"));
    expect(en.sector("agriculture")).not.toBe(kk.sector("agriculture"));
  });
});
