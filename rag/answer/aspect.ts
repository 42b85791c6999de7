/**
 * What a question asks about a service: cost, term, documents, where/how (channels), who is eligible,
 * result or legal basis — or `general`. Cue phrases in the three languages (see ./cues.ts) each add
 * their weight once to their aspect; the best aspect wins if it has more than one weak cue.
 */
import type { Aspect } from "../types";
import { compilePhrase, cueWords, findPhrase, type Phrase } from "./cues";

type Cue = readonly [phrase: string, weight: number];

/** `"сколько стоит*=3, цена=3, …"` → cues; kept as text so the tables stay compact and readable. */
function weighted(table: string): Cue[] {
  return table
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const [phrase, weight] = item.split("=");
      return [phrase!.trim(), Number(weight)] as const;
    });
}
type ConcreteAspect = Exclude<Aspect, "general">;

const CUES: Record<ConcreteAspect, readonly Cue[]> = {
  cost: weighted(`
    сколько стоит*=3, скока стоит*=3, сколько это стоит*=3, сколько это будет стоить=3, стоит=2, стоить=2, стоимост*=3, цена=3, цену=3, цены=3, почем=3, платн*=2, бесплатн*=3,
    пошлин*=3, госпошлин*=3, оплат*=2, заплатит*=2, платить=2, платят=2, выплачивают=2, сколько денег=3,
    сколько выплачива*=3, тариф*=2, во сколько обойдет*=3, обойдет*=1, сумм*=2, размер пособия=3,
    размер выплат*=3, мрп=1, тенге=1, қанша тұрады=3, қаншаға=2, құны=3, құнын=3, бағасы=3, баға*=2,
    ақысы=3, ақылы=3, ақы=2, тегін=3, баж*=2, мембаж*=3, қанша төле*=3, төлеу керек=2, қанша ақша=3,
    қанша береді=3, қанша төленеді=3, мөлшері=2, сомасы=2, аек=1, cost*=3, price*=3, fee=3, fees=3,
    how much=3, pay=2, paid=2, free=2, charge*=2, duty=2, amount=2, expensive=3, mci=1, tenge=1
  `),
  term: weighted(`
    срок=3, сроки=3, срока=2, сколько дней=3, как долго=3, долго=2, когда=2, сколько времени=3, быстро=2,
    через сколько=3, сколько ждать=3, сколько по времени=3, по времени=3, как быстро=3, ждать=2, дедлайн=3, до какого числа=3, рабочих дней=2, за сколько=2,
    мерзім*=3, қанша күн*=3, қашан=2, қанша уақыт*=3, қанша уақытта=3, күту=2, тез=1, ұзақ=2, неше күн*=3,
    how long=3, when=2, term=3, deadline*=3, how soon=3, how fast=3, days=2, processing time=3, wait=2,
    take=1
  `),
  documents: weighted(`
    какие документы=4, какие нужны документы=4, документы нужны=4, нужны документы=4, нужные документы=4,
    список документов=4, перечень документов=4, пакет документов=4, какие бумаги=4, что нужно*=2,
    что нужно принести=4, что взять=3, что брать=3, что необходимо=3, документы=1, документ*=1, бумаг*=1,
    қандай құжат*=4, құжаттар*=2, құжат*=1, не керек=3, не қажет=3, не алып бару=3, қажетті құжат*=4,
    құжат тізімі=4, what documents=4, which documents=4, documents=2, document=1, papers=3, paperwork=3,
    what do i need=3, need to bring=4, bring=2, required documents=4, requirements=1
  `),
  channels: weighted(`
    где=2, куда=2, как подать=3, подать=1, подава*=1, подача=1, онлайн=2, через интернет=2, в цон*=2,
    через цон=2, через приложение=2, через егов=2, через egov=2, лично=1, куда обращаться=3, куда идти=3,
    как получить=1, как оформить=1, как сделать=1, как открыть=1, как зарегистрир*=1, как подключить*=1,
    как записаться=1, как встать=1, қайда=2, қайдан=2, қалай=1, қалай өтініш=3, өтініш беру=1, онлайн=2,
    хқко*=1, қосымша*=1, where=2, how to apply=3, how do i apply=3, how can i apply=3, apply=1, online=2,
    how do i=1, how to=1, how can i=1, in person=2, app=1
  `),
  who: weighted(`
    кто может=3, кто имеет право=4, имею ли я право=4, имеет ли право=4, право на=2, могу ли я=2,
    можно ли=1, кому положен*=4, положено ли=3, кому=2, условия получения=3, с какого возраста=4,
    возраст*=1, кто получает=3, кто вправе=4, кім ала алады=4, кім=2, кімге=3, құқығы бар=3,
    құқым бар ма=4, ала аламын ба=3, бола ма=1, неше жас*=3, жасы=1, who can=4, who is eligible=4,
    eligib*=4, entitled=4, qualify=4, can i get=2, can i apply=2, am i=2, who=2, age=1
  `),
  result: weighted(`
    результат*=3, что я получу=4, что получу=4, что выдают=3, что дают=3, в каком виде=3, что в итоге=3,
    нәтиже*=3, не аламын=3, не беріледі=3, қандай құжат беріледі=4, result=3, outcome=3, what do i get=4,
    what will i get=4, what will i receive=4, what do i receive=4
  `),
  legal: weighted(`
    закон*=3, правов*=3, основани*=2, нормативн*=3, статья=3, статьи=3, приказ*=2, кодекс*=3,
    законодательств*=3, заң*=3, құқықтық=3, негіз*=2, нормативтік=3, бап*=2, бұйрық*=2, кодекс*=3, law=3,
    laws=3, legal=3, legislation=3, regulation*=3, basis=2, article=2, code=1
  `),
};

interface CompiledCue {
  words: Phrase;
  weight: number;
}

const COMPILED: [ConcreteAspect, CompiledCue[]][] = (Object.keys(CUES) as ConcreteAspect[]).map((aspect) => [
  aspect,
  CUES[aspect].map(([phrase, weight]) => ({ words: compilePhrase(phrase), weight })),
]);

export interface AspectMatch {
  aspect: Aspect;
  scores: Partial<Record<ConcreteAspect, number>>;
  /** Indexes (into the folded word list) of words that were part of a matched cue. */
  cueWordIndexes: Set<number>;
}

/**
 * `ignore`: folded words that name the service itself (its title), so "пенсия по возрасту" or
 * "справка" in a service name is not read as a question about eligibility or documents.
 */
export function analyzeAspect(text: string, ignore?: ReadonlySet<string>): AspectMatch {
  const words = cueWords(text);
  const scores: Partial<Record<ConcreteAspect, number>> = {};
  const cueWordIndexes = new Set<number>();
  for (const [aspect, cues] of COMPILED) {
    for (const cue of cues) {
      for (let at = findPhrase(words, cue.words); at >= 0; at = findPhrase(words, cue.words, at + 1)) {
        if (ignore && cue.words.length === 1 && ignore.has(words[at]!)) continue;
        // A cue counts once per question; longer phrases already carry larger weights.
        scores[aspect] = (scores[aspect] ?? 0) + cue.weight;
        for (let k = 0; k < cue.words.length; k++) cueWordIndexes.add(at + k);
        break;
      }
    }
  }
  let best: Aspect = "general";
  let bestScore = 1; // a lone weak cue ("как", "apply") is not enough to pick an aspect
  for (const [aspect] of COMPILED) {
    const score = scores[aspect] ?? 0;
    if (score > bestScore) {
      best = aspect;
      bestScore = score;
    }
  }
  return { aspect: best, scores, cueWordIndexes };
}

export function detectAspect(text: string, ignore?: ReadonlySet<string>): Aspect {
  return analyzeAspect(text, ignore).aspect;
}
