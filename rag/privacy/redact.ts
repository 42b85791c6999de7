/**
 * Removes personal data from text before it is logged or sent to a model. Replaces, in this
 * order: e-mail addresses → [EMAIL]; card-shaped numbers (13–19 digits, contiguous or in groups of
 * four/4-6-5 separated by one space or dash) → [CARD] when they pass the Luhn check and [DOC]
 * otherwise (a long identifier that is not a card is still personal: an account or certificate
 * number); Kazakhstan phone numbers (+7 / 8 prefix and 10 digits with spaces, dashes or
 * parentheses, or a bare 10-digit 7xx mobile number) → [PHONE]; any run of exactly 12 digits →
 * [IIN] (valid checksum or not: a mistyped IIN is still an IIN, and BINs are redacted too);
 * passport/ID numbers (`N12345678`, or 8–10 digits right after a word such as "удостоверение",
 * "паспорт", "куәлік", "passport", "№") → [DOC]. Amounts, years, durations and legal-act numbers
 * ("910", "2026", "15 рабочих дней", "0.2 МРП", "5 406 ₸", "№ 310") are left alone.
 */

export type RedactionKind = "iin" | "phone" | "email" | "card" | "document";

export interface RedactionResult {
  text: string;
  /** Kinds that were found, in the order iin, phone, email, card, document; absent kinds are omitted. */
  found: { kind: RedactionKind; count: number }[];
}

const KIND_ORDER: readonly RedactionKind[] = ["iin", "phone", "email", "card", "document"];

const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const CARD_RE =
  /(?<![\d.,-])(?:\d{13,19}|\d{4}(?:[ -]\d{4}){2}[ -]\d{1,4}(?:[ -]\d{1,3})?|\d{4}[ -]\d{6}[ -]\d{4,5})(?![\d]|[.,]\d)/g;
const PHONE_RE =
  /(?<![\p{L}\p{N}+])(?:(?:\+\s?7|8)(?:[\s\-()]{0,2}\d){10}|\(?7\d{2}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2})(?!\d)/gu;
const IIN_RE = /(?<!\d)\d{12}(?!\d)/g;
const PASSPORT_RE = /(?<![\p{L}\p{N}])[NnНн]\s?\d{8}(?!\d)/gu;
const DOC_AFTER_KEYWORD_RE =
  /((?:удостоверени|паспорт|куәлі|куали|жеке\s+басты|passport|id\s*card|identity\s+card|№|номер|нөмір|номір|nomer)[\p{L}\s.:#№-]{0,30}?)(\d{8,10})(?!\d)/giu;

/** Luhn check over the digits of `value` (spaces and dashes ignored); false for fewer than 2 digits. */
export function passesLuhn(value: string): boolean {
  const digits = value.replace(/[\s-]/g, "");
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

const IIN_WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const IIN_WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/**
 * True for a 12-digit Kazakhstan IIN with a plausible birth date (YYMMDD) and a correct control
 * digit: Σ dᵢ·i (i = 1..11) mod 11, recomputed with weights 3..11,1,2 when that gives 10; a second
 * 10 means the number cannot be a valid IIN.
 */
export function isValidIin(s: string): boolean {
  if (!/^\d{12}$/.test(s)) return false;
  const d = Array.from(s, (ch) => ch.charCodeAt(0) - 48);
  const month = d[2]! * 10 + d[3]!;
  const day = d[4]! * 10 + d[5]!;
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const weighted = (weights: readonly number[]) => weights.reduce((sum, w, i) => sum + w * d[i]!, 0) % 11;
  let control = weighted(IIN_WEIGHTS_1);
  if (control === 10) control = weighted(IIN_WEIGHTS_2);
  if (control === 10) return false;
  return control === d[11];
}

/** Replaces personal data with placeholders; see the module comment for what is matched. */
export function redact(text: string): RedactionResult {
  const counts: Record<RedactionKind, number> = { iin: 0, phone: 0, email: 0, card: 0, document: 0 };
  let out = text.replace(EMAIL_RE, () => {
    counts.email++;
    return "[EMAIL]";
  });
  out = out.replace(CARD_RE, (match) => {
    const digits = match.replace(/\D/g, "");
    if (digits.length < 13 || digits.length > 19) return match;
    if (passesLuhn(digits)) {
      counts.card++;
      return "[CARD]";
    }
    counts.document++;
    return "[DOC]";
  });
  out = out.replace(PHONE_RE, () => {
    counts.phone++;
    return "[PHONE]";
  });
  out = out.replace(IIN_RE, () => {
    counts.iin++;
    return "[IIN]";
  });
  out = out.replace(PASSPORT_RE, () => {
    counts.document++;
    return "[DOC]";
  });
  out = out.replace(DOC_AFTER_KEYWORD_RE, (_match, prefix: string) => {
    counts.document++;
    return `${prefix}[DOC]`;
  });
  const found = KIND_ORDER.filter((kind) => counts[kind] > 0).map((kind) => ({ kind, count: counts[kind] }));
  return { text: out, found };
}
