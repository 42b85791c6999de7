/**
 * Rules that recognise questions the assistant must not answer from the corpus: prompt injection
 * ("ignore your instructions", "print your system prompt"), harmful requests (forging documents,
 * hacking, bribes, violence) and everyday topics outside public services (weather, jokes, code,
 * recipes, sport…), plus bare greetings and thanks. Injection and harm are refused outright; an off-topic cue only
 * counts when retrieval finds no service that the question clearly names (decided by the caller).
 */
import { compilePhrase, cueWords, findLoosePhrase, findPhrase, type Phrase } from "./cues";

/** A comma-separated list of cue phrases, kept as text so the lists stay compact and readable. */
function phrases(list: string): string[] {
  return list
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

export type ScopeFlag = "injection" | "harmful" | "offtopic" | "greeting" | "thanks";

const INJECTION = phrases(`
  ignore * instruction*, ignore * rules, ignore * prompt*, ignore previous, ignore all, ignore above,
  disregard *, forget * instruction*, forget * rules, forget everything, forget all, forget what,
  forget your, system prompt*, your prompt*, your instruction*, your configuration, your config*,
  print * configuration, print * config, print * prompt*, reveal *, show * prompt*, show * instructions,
  show * configuration, repeat * above, you are now, pretend *, roleplay, developer mode, jailbreak*,
  dan mode, act as * ai, act as * chatbot, act as * model, you must act as, api key*,
  environment variable*, override *, new instructions, bypass *, игнорируй*, игнорировать *,
  проигнорируй*, забудь* * инструкци*, забудь* все, забудь* всё, забудь* свои, забудь* предыдущ*,
  забудь* правила, системн* промпт*, системн* подсказ*, системн* инструкци*, твой промпт*,
  твои инструкци*, свои инструкци*, ваши инструкци*, покажи* * промпт*, покажи* * инструкци*,
  покажи* * конфигурац*, выведи* * конфигурац*, выведи* * промпт*, выведи* * инструкци*,
  напечатай* * конфигурац*, раскрой*, ты теперь, теперь ты, представь что ты, притворись,
  режим разработчика, джейлбрейк, обойди* * ограничени*, новые инструкции, апи ключ*, api ключ*,
  нұсқаулық* елеме*, нұсқау* елеме*, ережелер* елеме*, елеме, елемеңіз, нұсқаулық* ұмыт*, нұсқау* ұмыт*,
  бәрін ұмыт*, ұмыт* бәрін, жүйелік промпт*, жүйелік нұсқау*, промпт*, конфигурация* көрсет*,
  конфигурация* шығар*, баптау* көрсет*, сен енді, енді сен
`);

const HARMFUL = phrases(`
  hack*, crack*, steal*, forge*, forged, fake passport*, fake id*, fake document*, fake certificate*,
  counterfeit*, bribe*, launder*, bomb*, explosive*, kill*, buy * drugs, sell * drugs, narcotic*,
  poison*, someone else* eds, other person* eds, взлом*, взломать, хакн*, подделать, подделк*, поддельн*,
  фальшив*, липов*, украсть, украд*, кража, взятк*, дать на лапу, отмыть, отмыв*, бомб*, взрывчат*,
  убить, убийств*, наркотик*, отрав*, чужой эцп, чужую эцп, чужого эцп, обмануть, обойти проверку,
  бұзу* жүйе*, жүйе* бұз*, хакер*, жалған*, қолдан жаса*, пара бер*, ұрла*, бомба*, қару*, өлтір*,
  есірткі*, біреудің эцқ
`);

const OFFTOPIC = phrases(`
  weather, forecast, погод*, прогноз погоды, ауа райы*, ауа-райы*, joke*, анекдот*, шутк*, пошути*,
  рассмеши*, әзіл*, күлдір*, poem*, стих, стихи, стихотворен*, стишок, өлең*, song*, песн*, ән айт*,
  movie*, film*, фильм*, кино, сериал*, tv show*, recipe*, рецепт*, приготовить, cook*, борщ*,
  тамақ пісір*, football, футбол*, матч*, match score, хоккей, hockey, horoscope*, гороскоп*,
  жұлдыз жорамал*, write * code, write * program*, write * script, python, javascript, typescript, java,
  c++, sql, html, regex*, напиши* * код*, напиши* * программ*, напиши* * скрипт*, код на, программу на,
  код жаз*, бағдарлама жаз*, solve * equation*, реши* * уравнени*, реши* * задач*, теңдеу*,
  домашн* задани*, homework, напиши* * сочинени*, напиши* * эссе, write * essay, эссе жаз*, шығарма жаз*,
  где купить, where to buy, bitcoin*, биткоин*, crypto*, криптовалют*, курс доллара, курс валют*, exchange rate*, доллар бағамы,
  stock price*, capital of, столица какой, какая столица, who won, кто выиграл, кто победил,
  what is love, смысл жизни, meaning of life, what time is it, который час, сколько времени сейчас,
  сағат қанша, how are you, как дела, қалайсың, қалың қалай, как тебя зовут, what is your name, атың кім,
  translate, переведи*, tell me about yourself, расскажи о себе, кто тебя создал, who made you,
  who created you, who are you, кто ты, сен кімсің, өзің туралы, сені кім жасады, who wrote, кто написал,
  кім жазған, who invented, кто изобрел
`);

const phraseSet = (list: string[]) => new Set(list.map((g) => compilePhrase(g).join(" ")));

const GREETINGS = phraseSet(
  phrases(`
    привет, здравствуйте, здравствуй, добрый день, добрый вечер, доброе утро, салам, салем, сәлем,
    сәлеметсіз бе, сәлеметсіз, армысыз, қайырлы күн, hi, hello, hey, good morning, good afternoon,
    good evening
  `),
);

const THANKS = phraseSet(
  phrases(`
    спасибо, спасибо большое, благодарю, рахмет, көп рахмет, рақмет, thanks, thank you,
    thank you very much, ok, ок, хорошо, понятно, жақсы, түсінікті, пока, до свидания, сау бол,
    сау болыңыз, bye, goodbye
  `),
);

const COMPILED = {
  injection: INJECTION.map(compilePhrase),
  harmful: HARMFUL.map(compilePhrase),
  offtopic: OFFTOPIC.map(compilePhrase),
};

/** `*` alone as a word means "any one to three words" here. */
function matches(words: readonly string[], phrase: Phrase): boolean {
  if (!phrase.includes("*")) return findPhrase(words, phrase) >= 0;
  return findLoosePhrase(
    words,
    phrase.filter((w) => w !== "*"),
    3,
  );
}

export interface ScopeCheck {
  flag?: ScopeFlag;
  /** The phrase that matched, for logs and tests. */
  cue?: string;
}

/** Checks a (normalisable) question against the scope rules; the first matching group wins. */
/** Arithmetic ("2+2", "15 * 3 ="): homework, not a public service. */
const ARITHMETIC = /\d\s*[-+*/×÷^]\s*\d|\d\s*=\s*\?/;

export function checkScope(text: string): ScopeCheck {
  const words = cueWords(text);
  if (words.length === 0) return { flag: "greeting" };
  const whole = words.join(" ");
  if (GREETINGS.has(whole)) return { flag: "greeting", cue: whole };
  if (THANKS.has(whole)) return { flag: "thanks", cue: whole };
  if (ARITHMETIC.test(text) && !/\d{1,2}[./-]\d{1,2}[./-]\d{2,4}/.test(text))
    return { flag: "offtopic", cue: "arithmetic" };
  for (const flag of ["injection", "harmful", "offtopic"] as const) {
    const phrase = COMPILED[flag].find((p) => matches(words, p));
    if (phrase) return { flag, cue: phrase.join(" ") };
  }
  return {};
}
