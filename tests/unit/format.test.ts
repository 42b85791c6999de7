import { describe, expect, it } from "vitest";
import { INTL_LOCALES, LANGUAGES } from "~/i18n/config";
import { dateTimeFormat, formatDate, formatterFor, numberFormat, TIME_ZONE } from "~/lib/format";

const DAY = Date.UTC(2026, 10, 28, 20, 30); // 29 November in Almaty

describe.each(LANGUAGES)("shared formatters in %s", (lang) => {
  const locale = INTL_LOCALES[lang];
  const format = formatterFor(lang);

  it("are made once per language", () => {
    expect(formatterFor(lang)).toBe(format);
    expect(format.lang).toBe(lang);
  });

  it("print what a freshly built Intl formatter prints", () => {
    const money = (currency: string) =>
      new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: "narrowSymbol", maximumFractionDigits: 0 });
    expect(format.number(1234567)).toBe(new Intl.NumberFormat(locale).format(1234567));
    for (const currency of ["KZT", "USD", "KZT"]) {
      expect(format.money(25_000_000, currency)).toBe(money(currency).format(25_000_000));
      expect(format.moneyRange(100_000, 2_500_000, currency)).toBe(money(currency).formatRange(100_000, 2_500_000));
      expect(format.moneyRange(5, 5, currency)).toBe(money(currency).format(5));
    }
    expect(format.date(DAY)).toBe(new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: TIME_ZONE }).format(DAY));
    expect(formatDate(DAY, lang)).toBe(format.date(DAY));
    for (const days of [-3, -1, 0, 1, 5]) {
      expect(format.relativeDays(days)).toBe(new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(days, "day"));
    }
    expect(format.months(6)).toBe(new Intl.NumberFormat(locale, { style: "unit", unit: "month", unitDisplay: "long" }).format(6));
    expect(format.list(["a", "b", "c"])).toBe(new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(["a", "b", "c"]));
  });
});

describe("shared Intl formatters", () => {
  it("are keyed by locale and options", () => {
    expect(numberFormat("ru-RU")).toBe(numberFormat("ru-RU"));
    expect(numberFormat("ru-RU")).not.toBe(numberFormat("en-GB"));
    const percent = numberFormat("en-GB", { style: "percent", maximumFractionDigits: 0 });
    expect(numberFormat("en-GB", { style: "percent", maximumFractionDigits: 0 })).toBe(percent);
    expect(numberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 })).not.toBe(percent);
    expect(percent.format(0.256)).toBe("26%");
    const short = dateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
    expect(dateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" })).toBe(short);
    expect(short.format(DAY)).toBe("28 Nov");
  });
});
