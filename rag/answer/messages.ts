/**
 * Every fixed sentence the assistant says, in Kazakh, Russian and English: refusals that say what
 * the assistant can do, the clarifying question, labels of the answer's parts, and the source line.
 */
import type { Lang } from "../types";
import type { ScopeFlag } from "./scope";

const CAPABILITIES: Record<Lang, string> = {
  ru: "Я помогаю с государственными услугами Казахстана: кто может получить услугу, какие нужны документы, сроки, стоимость, где и как подать заявление.",
  kk: "Мен Қазақстанның мемлекеттік қызметтері бойынша көмектесемін: қызметті кім ала алады, қандай құжаттар керек, мерзімі, құны, қайда және қалай өтініш беру керек.",
  en: "I help with public services in Kazakhstan: who can apply, which documents are needed, the term, the cost, and where and how to apply.",
};

const EXAMPLE: Record<Lang, string> = {
  ru: "Например: «Как получить справку о несудимости?» или «Сколько стоит загранпаспорт?»",
  kk: "Мысалы: «Соттылығы жоқ туралы анықтаманы қалай алуға болады?» немесе «Төлқұжат қанша тұрады?»",
  en: "For example: “How do I get a certificate of no criminal record?” or “How much does a passport cost?”",
};

const REFUSAL_LEAD: Record<ScopeFlag | "unknown", Record<Lang, string>> = {
  injection: {
    ru: "Я не могу менять свои правила или показывать свои настройки.",
    kk: "Мен өз ережелерімді өзгерте алмаймын және баптауларымды көрсетпеймін.",
    en: "I can't change my rules or share my configuration.",
  },
  harmful: {
    ru: "С этим я помочь не могу.",
    kk: "Бұл сұраққа көмектесе алмаймын.",
    en: "I can't help with that.",
  },
  offtopic: {
    ru: "Этот вопрос не относится к государственным услугам, поэтому ответить на него я не могу.",
    kk: "Бұл сұрақ мемлекеттік қызметтерге қатысты емес, сондықтан оған жауап бере алмаймын.",
    en: "That question is not about public services, so I can't answer it.",
  },
  greeting: {
    ru: "Здравствуйте!",
    kk: "Сәлеметсіз бе!",
    en: "Hello!",
  },
  thanks: {
    ru: "Пожалуйста! Если появятся вопросы — спрашивайте.",
    kk: "Оқасы жоқ! Сұрағыңыз болса, жазыңыз.",
    en: "You're welcome! Ask me any time.",
  },
  unknown: {
    ru: "К сожалению, я не нашёл государственной услуги, к которой относится ваш вопрос.",
    kk: "Өкінішке қарай, сұрағыңызға қатысты мемлекеттік қызметті таппадым.",
    en: "Sorry, I couldn't find a public service that your question is about.",
  },
};

export function refusalText(flag: ScopeFlag | "unknown", lang: Lang): string {
  if (flag === "thanks") return REFUSAL_LEAD.thanks[lang];
  return `${REFUSAL_LEAD[flag][lang]} ${CAPABILITIES[lang]} ${EXAMPLE[lang]}`;
}

export function clarifyText(titles: string[], lang: Lang): string {
  const quoted = titles.map((t) => (lang === "en" ? `“${t}”` : `«${t}»`));
  if (quoted.length === 0) {
    return {
      ru: "Уточните, пожалуйста, о какой услуге идёт речь — например, «загранпаспорт» или «регистрация ИП».",
      kk: "Қай қызмет туралы сұрап тұрғаныңызды нақтылаңызшы — мысалы, «төлқұжат» немесе «ЖК тіркеу».",
      en: "Which service do you mean? For example, “passport” or “register as an individual entrepreneur”.",
    }[lang];
  }
  const list = joinAlternatives(quoted, lang);
  return {
    ru: `Уточните, пожалуйста, какая услуга вас интересует: ${list}?`,
    kk: `Нақтылаңызшы, сізге қай қызмет керек: ${list}?`,
    en: `Which service do you mean: ${list}?`,
  }[lang];
}

function joinAlternatives(items: string[], lang: Lang): string {
  const or = { ru: "или", kk: "әлде", en: "or" }[lang];
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${or} ${items[items.length - 1]}`;
}

export const LABELS: Record<
  Lang,
  { inShort: string; source: string; checked: string; toConfirm: string; onlyIn: (l: Lang) => string }
> = {
  ru: {
    inShort: "Кратко",
    source: "Источник",
    checked: "проверено",
    toConfirm: "(требует подтверждения)",
    onlyIn: (l) =>
      `Описание этой услуги есть только ${{ kk: "на казахском", en: "на английском", ru: "на русском" }[l]} языке.`,
  },
  kk: {
    inShort: "Қысқаша",
    source: "Дереккөз",
    checked: "тексерілді",
    toConfirm: "(нақтылауды қажет етеді)",
    onlyIn: (l) => `Бұл қызметтің сипаттамасы тек ${{ kk: "қазақ", en: "ағылшын", ru: "орыс" }[l]} тілінде бар.`,
  },
  en: {
    inShort: "In short",
    source: "Source",
    checked: "checked",
    toConfirm: "(to be confirmed)",
    onlyIn: (l) => `This service is only described in ${{ kk: "Kazakh", en: "English", ru: "Russian" }[l]}.`,
  },
};

export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return lang === "en" ? iso : `${m[3]}.${m[2]}.${m[1]}`;
}
