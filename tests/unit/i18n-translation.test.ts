import { createInstance, type i18n as I18n } from "i18next";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next, useTranslation as useReactI18nextTranslation } from "react-i18next";
import { describe, expect, it } from "vitest";
import { i18nOptions, LANGUAGES, type Language } from "~/i18n/config";
import { translationFor, useTranslation } from "~/i18n/use-translation";
import { i18nFor } from "~/lib/i18n.server";
import { en } from "~/locales/en";

/** What every request used to get: a fresh instance in that language. */
function freshInstance(lng: Language): I18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init(i18nOptions(lng));
  return instance;
}

function leafKeys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leafKeys(value as object, `${prefix}${key}.`),
  );
}

const KEYS = leafKeys(en);

describe.each(LANGUAGES)("translations in %s", (lng) => {
  const reference = freshInstance(lng);

  it("shares one instance per language, fixed in that language", () => {
    expect(i18nFor(lng)).toBe(i18nFor(lng));
    expect(i18nFor(lng).language).toBe(lng);
    expect(translationFor(i18nFor(lng))).toBe(translationFor(i18nFor(lng)));
    expect(translationFor(i18nFor(lng)).lang).toBe(lng);
  });

  it("gives what a fresh instance gives for every key, first call and memoised", () => {
    const { t } = translationFor(i18nFor(lng));
    expect(KEYS.length).toBeGreaterThan(500);
    for (const key of KEYS) {
      const expected = reference.t(key as never);
      expect(t(key as never), key).toBe(expected);
      expect(t(key as never), key).toBe(expected);
    }
  });

  it("keeps interpolation values and counts apart in the memo", () => {
    const { t } = translationFor(i18nFor(lng));
    for (const count of [0, 1, 2, 5, 21, 1, 0]) {
      expect(t("startups.results", { count })).toBe(reference.t("startups.results", { count }));
    }
    for (const level of [1, 9, 1]) expect(t("common.trl", { level })).toBe(reference.t("common.trl", { level }));
    expect(t("common.pagination.page", { page: 2, pages: 10 })).toBe(reference.t("common.pagination.page", { page: 2, pages: 10 }));
    expect(t("common.pagination.page", { page: 3, pages: 10 })).toBe(reference.t("common.pagination.page", { page: 3, pages: 10 }));
    // A number and the same digits as a string are different options to i18next (plural rules).
    expect(t("startups.results", { count: "1" } as never)).toBe(reference.t("startups.results", { count: "1" } as never));
  });

  it("passes non-primitive options straight through", () => {
    const { t } = translationFor(i18nFor(lng));
    const sectors = t("common.sectors", { returnObjects: true }) as unknown;
    expect(sectors).toEqual(reference.t("common.sectors", { returnObjects: true }));
    expect(t("common.trl", { level: 3, lngs: ["ru"] } as never)).toBe(reference.t("common.trl", { level: 3, lngs: ["ru"] } as never));
  });

  it("renders the same markup as react-i18next's hook", () => {
    const sample = KEYS.filter((_, i) => i % 7 === 0);
    const view = (hook: () => { t: (key: string) => string }) =>
      function View() {
        const { t } = hook();
        return createElement("ul", null, ...sample.map((key) => createElement("li", { key }, t(key))));
      };
    const render = (component: () => React.ReactElement) =>
      renderToString(createElement(I18nextProvider, { i18n: i18nFor(lng) }, createElement(component)));
    const ours = render(view(useTranslation as never));
    expect(ours).toBe(render(view(useReactI18nextTranslation as never)));
    expect(ours).toContain(reference.t(sample[1] as never));
  });
});

describe("a browser instance that changes language", () => {
  it("translates into the new language after changeLanguage, and into the old one through the old t", async () => {
    const instance = freshInstance("kk");
    const kk = translationFor(instance);
    expect(kk.t("common.nav.startups")).toBe(freshInstance("kk").t("common.nav.startups"));
    await instance.changeLanguage("ru");
    const ru = translationFor(instance);
    expect(ru).not.toBe(kk);
    expect(ru.lang).toBe("ru");
    expect(ru.t("common.nav.startups")).toBe(freshInstance("ru").t("common.nav.startups"));
    expect(kk.t("common.trl", { level: 4 })).toBe(freshInstance("kk").t("common.trl", { level: 4 }));
    expect(kk.t("common.nav.login")).toBe(freshInstance("kk").t("common.nav.login"));
  });

  it("forgets memoised text when resources are added", () => {
    const instance = freshInstance("en");
    const { t } = translationFor(instance);
    const before = t("common.nav.startups");
    instance.addResource("en", "translation", "common.nav.startups", "Companies");
    expect(before).not.toBe("Companies");
    expect(translationFor(instance).t("common.nav.startups")).toBe("Companies");
  });
});
