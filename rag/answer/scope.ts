/**
 * Rules that recognise questions the assistant must not answer from the corpus: prompt injection
 * ("ignore your instructions", "print your system prompt"), harmful requests (forging documents,
 * hacking, bribes, violence) and everyday topics outside public services (weather, jokes, code,
 * recipes, sport…), plus bare greetings. Injection and harm are refused outright; an off-topic cue only
 * counts when retrieval finds no service that the question clearly names (decided by the caller).
 */
import { compilePhrase, cueWords, findLoosePhrase, findPhrase, type Phrase } from "./cues";

export type ScopeFlag = "injection" | "harmful" | "offtopic" | "greeting";

const INJECTION = [
  // en
  "ignore * instruction*", "ignore * rules", "ignore * prompt*", "ignore previous", "ignore all", "ignore above", "disregard *",
  "forget * instruction*", "forget * rules", "forget everything", "forget all", "forget what", "forget your", "system prompt*", "your prompt*",
  "your instruction*", "your configuration", "your config*", "print * configuration", "print * config", "print * prompt*", "reveal *",
  "show * prompt*", "show * instructions", "show * configuration", "repeat * above", "you are now", "act as", "pretend *", "roleplay",
  "developer mode", "jailbreak*", "dan mode", "api key*", "environment variable*", "override *", "new instructions", "bypass *",
  // ru
  "игнорируй*", "игнорировать *", "проигнорируй*", "забудь* * инструкци*", "забудь* все", "забудь* всё", "забудь* свои", "забудь* предыдущ*", "забудь* правила",
  "системн* промпт*", "системн* подсказ*", "системн* инструкци*", "твой промпт*", "твои инструкци*", "свои инструкци*", "ваши инструкци*",
  "покажи* * промпт*", "покажи* * инструкци*", "покажи* * конфигурац*", "выведи* * конфигурац*", "выведи* * промпт*", "выведи* * инструкци*",
  "напечатай* * конфигурац*", "раскрой*", "ты теперь", "теперь ты", "представь что ты", "притворись", "режим разработчика", "джейлбрейк",
  "обойди* * ограничени*", "новые инструкции", "апи ключ*", "api ключ*",
  // kk
  "нұсқаулық* елеме*", "нұсқау* елеме*", "ережелер* елеме*", "елеме", "елемеңіз", "нұсқаулық* ұмыт*", "нұсқау* ұмыт*", "бәрін ұмыт*", "ұмыт* бәрін",
  "жүйелік промпт*", "жүйелік нұсқау*", "промпт*", "конфигурация* көрсет*", "конфигурация* шығар*", "баптау* көрсет*", "сен енді", "енді сен",
];

const HARMFUL = [
  "hack*", "crack*", "steal*", "forge*", "forged", "fake passport*", "fake id*", "fake document*", "fake certificate*", "counterfeit*",
  "bribe*", "launder*", "bomb*", "explosive*", "weapon*", "kill*", "drug*", "poison*", "someone else* *", "other person* eds", "without * consent",
  "взлом*", "взломать", "хакн*", "подделать", "подделк*", "поддельн*", "фальшив*", "липов*", "украсть", "украд*", "кража", "взятк*", "дать на лапу",
  "отмыть", "отмыв*", "бомб*", "взрывчат*", "оружи*", "убить", "убийств*", "наркотик*", "отрав*", "чужой эцп", "чужую эцп", "чужого эцп",
  "чужие данные", "чужой иин", "без согласия", "обмануть", "обойти проверку",
  "бұзу* жүйе*", "жүйе* бұз*", "хакер*", "жалған*", "қолдан жаса*", "пара бер*", "ұрла*", "бомба*", "қару*", "өлтір*", "есірткі*", "біреудің эцқ",
];

const OFFTOPIC = [
  // weather, jokes, entertainment
  "weather", "forecast", "погод*", "прогноз погоды", "ауа райы*", "ауа-райы*", "joke*", "анекдот*", "шутк*", "пошути*", "рассмеши*", "әзіл*", "күлдір*",
  "poem*", "стих*", "өлең*", "song*", "песн*", "ән айт*", "movie*", "film*", "фильм*", "кино", "сериал*", "tv show*",
  "recipe*", "рецепт*", "приготовить", "cook*", "борщ*", "тамақ пісір*", "football", "футбол*", "матч*", "match score", "хоккей", "hockey",
  "horoscope*", "гороскоп*", "жұлдыз жорамал*",
  // code and homework
  "write * code", "write * program*", "write * script", "python", "javascript", "typescript", "java", "c++", "sql", "html", "regex*",
  "напиши* * код*", "напиши* * программ*", "напиши* * скрипт*", "код на", "программу на", "код жаз*", "бағдарлама жаз*",
  "solve * equation*", "реши* * уравнени*", "реши* * задач*", "теңдеу*", "домашн* задани*", "homework",
  "напиши* * сочинени*", "напиши* * эссе", "write * essay", "эссе жаз*", "шығарма жаз*",
  // markets, trivia, chit-chat
  "bitcoin*", "биткоин*", "crypto*", "крипт*", "курс доллара", "курс валют*", "exchange rate*", "доллар бағамы", "stock price*", "акции",
  "capital of", "столиц* *", "who won", "кто выиграл", "кто победил", "what is love", "смысл жизни", "meaning of life",
  "how are you", "как дела", "қалайсың", "қалың қалай", "как тебя зовут", "what is your name", "атың кім",
  "translate", "переведи*", "аударып бер*", "аудар*",
  "tell me about yourself", "расскажи о себе", "кто тебя создал", "who made you", "who created you",
];

const GREETINGS = new Set(
  [
    "привет", "здравствуйте", "здравствуй", "добрый день", "добрый вечер", "доброе утро", "салам", "салем", "сәлем", "сәлеметсіз бе",
    "сәлеметсіз", "армысыз", "қайырлы күн", "hi", "hello", "hey", "good morning", "good afternoon", "good evening", "спасибо", "рахмет",
    "thanks", "thank you", "ok", "ок", "хорошо", "жақсы", "пока", "сау бол", "bye",
  ].map((g) => compilePhrase(g).join(" ")),
);

const COMPILED = {
  injection: INJECTION.map(compilePhrase),
  harmful: HARMFUL.map(compilePhrase),
  offtopic: OFFTOPIC.map(compilePhrase),
};

/** `*` alone as a word means "any one to three words" here. */
function matches(words: readonly string[], phrase: Phrase): boolean {
  if (!phrase.includes("*")) return findPhrase(words, phrase) >= 0;
  return findLoosePhrase(words, phrase.filter((w) => w !== "*"), 3);
}

export interface ScopeCheck {
  flag?: ScopeFlag;
  /** The phrase that matched, for logs and tests. */
  cue?: string;
}

/** Checks a (normalisable) question against the scope rules; the first matching group wins. */
export function checkScope(text: string): ScopeCheck {
  const words = cueWords(text);
  if (words.length === 0) return { flag: "greeting" };
  if (GREETINGS.has(words.join(" "))) return { flag: "greeting", cue: words.join(" ") };
  for (const flag of ["injection", "harmful", "offtopic"] as const) {
    const phrase = COMPILED[flag].find((p) => matches(words, p));
    if (phrase) return { flag, cue: phrase.join(" ") };
  }
  return {};
}
