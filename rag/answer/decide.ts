/**
 * The assistant's judgement before any text is written: the question's language, the aspect asked,
 * whether it continues the conversation's service, and whether to answer, ask which service is meant,
 * or refuse. Works on the redacted question only.
 */
import { redact } from "../privacy/redact";
import type { CorpusView, ServiceView } from "../retrieval/corpus-view";
import { retrieve, type Retrieval, type RetrieverParams, type ServiceHit } from "../retrieval/retriever";
import { foldKazakh } from "../text/normalize";
import { isQuestionWord, isStopWord } from "../text/stopwords";
import type { Aspect, Lang, ReplyKind } from "../types";
import { analyzeAspect } from "./aspect";
import { cueWords } from "./cues";
import { questionLanguage } from "./language";
import { checkScope, type ScopeFlag } from "./scope";

export interface DecisionParams {
  /** A service is named clearly enough when its confidence reaches this. */
  minConfidence: number;
  /** An off-topic cue is overruled only by a service named at least this clearly. */
  offtopicOverride: number;
  /** Ask which service is meant when the runner-up scores at least this share of the best. */
  clarifyRatio: number;
  /** …and the best one is not clearly named (confidence below this). */
  clarifyMaxConfidence: number;
  /** Prefer the conversation's service when it scores at least this share of the best. */
  contextRatio: number;
  /** A vague question ("как получить справку?") lists the title-matching services scoring at least this share of the best. */
  vagueRatio: number;
}

export const DEFAULT_DECISION_PARAMS: DecisionParams = {
  minConfidence: 0.4,
  offtopicOverride: 0.8,
  clarifyRatio: 0.97,
  clarifyMaxConfidence: 0.6,
  contextRatio: 0.75,
  vagueRatio: 0.6,
};

/** Words that carry no topic in a request ("хочу", "please", "маған"); folded spellings. */
const FILLERS = new Set(
  `
    хочу хотим хотел хотела хотелось бы подскажите подскажи скажите скажи пожалуйста пж плиз помогите
    помоги нужен нужна нужны вопрос узнать интересует вообще срочно какой-то ребята здравствуйте привет
    добрый день делать мой моя мою мои свой свою а ну маған менің білгім келеді айтыңызшы айтшы
    көмектесіңіз өтінемін сәлеметсіз сәлем бе ше енді want wanna need please help tell know like would
    hi hello thanks i'm im hey my
  `
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => foldKazakh(w)),
);

export interface Decision {
  kind: ReplyKind;
  lang: Lang;
  aspect: Aspect;
  /** The redacted question (what is logged and sent to a model). */
  question: string;
  redactedKinds: string[];
  /** The service to answer about (kind "answer"). */
  service?: ServiceView;
  /** Candidates, most likely first (kind "clarify"), or the runners-up of an answer. */
  candidates: ServiceHit[];
  /** Why a question was refused. */
  refusal?: ScopeFlag | "unknown";
  /** 0–1: how clearly the question names the chosen service. */
  confidence: number;
  followUp: boolean;
  retrieval?: Retrieval;
}

export interface DecideInput {
  message: string;
  locale?: Lang;
  /** The service the conversation was last about. */
  conversationServiceId?: string | null;
}

/** How clearly a hit is named: its title/keyword coverage, body coverage and dense similarity combined. */
export function confidenceOf(hit: ServiceHit | undefined): number {
  if (!hit) return 0;
  const dense = Math.max(0, Math.min(1, (hit.dense - 0.15) / 0.35));
  return Math.min(1, Math.max(hit.naming, 0.75 * hit.coverage, 0.35 * hit.naming + 0.35 * hit.coverage + 0.5 * dense));
}

const REDACTED_MENTION = new RegExp(
  String.raw`(?:(?<!\p{L})(?:мой|моя|мое|моё|мои|my|менің|меның)\s+)?` +
    String.raw`(?:иин|жсн|iin|телефон\w*|тел\.?|номер\w*|phone(?:\s+number)?|e-?mail|почта|почты|пошта|карта|карты|card(?:\s+number)?|паспорт\w*|удостоверени\w*|куәлі\w*)?` +
    String.raw`(?:\s*(?::|-|—|is|это))?\s*\[(?:IIN|PHONE|EMAIL|CARD|DOC)\]`,
  "giu",
);

export async function decide(
  view: CorpusView,
  input: DecideInput,
  params: DecisionParams = DEFAULT_DECISION_PARAMS,
  retrieverParams?: RetrieverParams,
): Promise<Decision> {
  const redaction = redact(input.message.trim());
  const question = redaction.text;
  // Placeholders such as [IIN] are not words of the question, nor are the words that introduce them
  // ("мой ИИН [IIN]", "my phone is [PHONE]"): they describe the citizen, not the service asked about.
  const text = question.replace(REDACTED_MENTION, " ").replace(/\[(?:IIN|PHONE|EMAIL|CARD|DOC)\]/g, " ");
  const lang = questionLanguage(text, input.locale, view);
  const base = {
    lang,
    question,
    redactedKinds: redaction.found.map((f) => f.kind),
    candidates: [] as ServiceHit[],
    confidence: 0,
    followUp: false,
  };

  const scope = checkScope(text);
  if (scope.flag === "injection" || scope.flag === "harmful" || scope.flag === "greeting" || scope.flag === "thanks") {
    return { ...base, kind: "out_of_scope", aspect: "general", refusal: scope.flag };
  }
  const decision = await decideText(view, text, input, base, scope.flag, params, retrieverParams);
  const unsure = decision.kind === "clarify" || (decision.kind === "out_of_scope" && decision.refusal === "unknown");
  if (!unsure) return decision;
  // A long message may bury its question under context ("мне 45 лет, живу в Караганде… сколько стоит
  // загранпаспорт?"): the last sentence, then the last clause, get a second chance on their own.
  for (const tail of tails(text)) {
    const retry = await decideText(view, tail, input, base, checkScope(tail).flag, params, retrieverParams);
    if (retry.kind === "answer") return retry;
  }
  return decision;
}

/** The last sentence and the last clause of a text, when they are shorter than the text. */
function tails(text: string): string[] {
  const sentences = text.split(/(?<=[.!?…])\s+/).filter((s) => /\p{L}/u.test(s));
  const clauses = text.split(/[,;:.!?…—]+/).filter((s) => /\p{L}/u.test(s));
  const out = [sentences.at(-1), clauses.at(-1)]
    .map((s) => s?.trim() ?? "")
    .filter((s) => s && s.length < text.trim().length);
  return [...new Set(out)];
}

async function decideText(
  view: CorpusView,
  text: string,
  input: DecideInput,
  base: Pick<Decision, "lang" | "question" | "redactedKinds" | "candidates" | "confidence" | "followUp">,
  scopeFlag: ScopeFlag | undefined,
  params: DecisionParams,
  retrieverParams: RetrieverParams | undefined,
): Promise<Decision> {
  const lang = base.lang;
  const scope = { flag: scopeFlag };
  const words = cueWords(text);
  const aspectMatch = analyzeAspect(text);
  const ignore = new Set<string>(FILLERS);
  for (const i of aspectMatch.cueWordIndexes) ignore.add(words[i]!);
  const retrieval = await retrieve(view, text, lang, retrieverParams, { ignore });
  const [top, second] = retrieval.services;
  const topConfidence = confidenceOf(top);
  // Words left once aspect cues, fillers and stop words are set aside: what names a service, if anything.
  const residual = words.filter(
    (w, i) => !aspectMatch.cueWordIndexes.has(i) && !ignore.has(w) && !isStopWord(w) && !isQuestionWord(w),
  );

  const context = input.conversationServiceId ? view.services.get(input.conversationServiceId) : undefined;
  if (context) {
    const contextHit = retrieval.services.find((h) => h.serviceId === context.serviceId);
    const asksAspect = aspectMatch.aspect !== "general";
    const followUp =
      !residual.some((w) => namesAService(view, retrieval, w)) ||
      (asksAspect && topConfidence < params.minConfidence) ||
      (contextHit !== undefined &&
        top !== undefined &&
        contextHit.score >= params.contextRatio * top.score &&
        confidenceOf(contextHit) >= topConfidence - 0.2);
    if (followUp && scope.flag !== "offtopic") {
      return {
        ...base,
        kind: "answer",
        aspect: aspectFor(text, context),
        service: context,
        candidates: retrieval.services.filter((h) => h.serviceId !== context.serviceId).slice(0, 2),
        confidence: Math.max(topConfidence, 0.5),
        followUp: true,
        retrieval,
      };
    }
  }

  if (!top || residual.length === 0) {
    if (scope.flag === "offtopic" || aspectMatch.aspect === "general") {
      return { ...base, kind: "out_of_scope", aspect: aspectMatch.aspect, refusal: scope.flag ?? "unknown", retrieval };
    }
    // "Сколько стоит?" with nothing to go on: ask which service.
    return { ...base, kind: "clarify", aspect: aspectMatch.aspect, retrieval };
  }
  if (scope.flag === "offtopic" && topConfidence < params.offtopicOverride) {
    return {
      ...base,
      kind: "out_of_scope",
      aspect: aspectMatch.aspect,
      refusal: "offtopic",
      confidence: topConfidence,
      retrieval,
    };
  }
  // Refuse only when none of the leading services is named clearly: a typo can sink the right one to third.
  const bestConfidence = Math.max(...retrieval.services.slice(0, 3).map(confidenceOf));
  if (bestConfidence < params.minConfidence) {
    return {
      ...base,
      kind: "out_of_scope",
      aspect: aspectMatch.aspect,
      refusal: "unknown",
      confidence: topConfidence,
      retrieval,
    };
  }

  const service = view.services.get(top.serviceId)!;
  const close = retrieval.services.filter((h) => h.score >= params.clarifyRatio * top.score);
  const vague = vagueCandidates(view, retrieval).filter((h) => h.score >= params.vagueRatio * top.score);
  if (vague.length >= 2) {
    return {
      ...base,
      kind: "clarify",
      aspect: aspectFor(text, service),
      candidates: vague.slice(0, 3),
      confidence: topConfidence,
      retrieval,
    };
  }
  if (second && close.length > 1 && topConfidence < params.clarifyMaxConfidence) {
    return {
      ...base,
      kind: "clarify",
      aspect: aspectFor(text, service),
      candidates: close.slice(0, 3),
      confidence: topConfidence,
      retrieval,
    };
  }
  return {
    ...base,
    kind: "answer",
    aspect: aspectFor(text, service),
    service,
    candidates: retrieval.services.slice(1, 3),
    confidence: topConfidence,
    retrieval,
  };
}

/**
 * A question is vague when its telling words are few (one or two) and all of them are shared by the
 * titles of several services ("справка", "пособие на ребенка", "регистрация"); a
 * question naming exactly one title ("Регистрация брака") is not. Returns the services it may mean.
 */
function vagueCandidates(view: CorpusView, retrieval: Retrieval): ServiceHit[] {
  const top = retrieval.services[0] && view.services.get(retrieval.services[0].serviceId);
  // Words found in most services ("получить", "личность") do not narrow anything down — unless they are
  // part of the best service's own title ("удостоверение личности").
  const telling = (v: string) =>
    (view.serviceFrequency.get(v) ?? 0) <= 0.5 * view.services.size || Boolean(top?.titles.has(v));
  const specific = retrieval.words
    .filter((w) => !w.ignored)
    .map((w) => w.variants.filter((v) => view.spelling.has(v) && telling(v)))
    .filter((variants) => variants.length > 0);
  const unknown = retrieval.words.some((w) => !w.ignored && !w.known);
  if (specific.length === 0 || specific.length > 2 || unknown) return [];
  const inTitle = (service: ServiceView) => specific.every((variants) => variants.some((v) => service.titles.has(v)));
  const matching = retrieval.services.filter((h) => inTitle(view.services.get(h.serviceId)!));
  return matching.length >= 2 ? matching : [];
}

/**
 * Whether a leftover word of the question points at a particular service: it occurs in at most a
 * fifth of the services, or it is unknown but long enough to be a misspelt name.
 */
function namesAService(view: CorpusView, retrieval: Retrieval, folded: string): boolean {
  const word = retrieval.words.find((w) => foldKazakh(w.word) === folded);
  if (!word) return false; // a stop word or one-letter word: tokenisation dropped it
  const known = word.variants.filter((v) => view.spelling.has(v));
  if (known.length === 0) return folded.length >= 5;
  const limit = Math.max(1, 0.2 * view.services.size);
  return known.some((v) => (view.serviceFrequency.get(v) ?? 0) <= limit);
}

/** The aspect, ignoring cue words that are part of the service's own name ("справка", "по возрасту"). */
function aspectFor(question: string, service: ServiceView): Aspect {
  const titleWords = new Set<string>();
  for (const doc of Object.values(service.docs)) for (const w of cueWords(doc.title)) titleWords.add(w);
  return analyzeAspect(question, titleWords).aspect;
}
