/**
 * Short stop-word lists for retrieval, per language. Question words ("как", "қалай", "how") are
 * stop words here because they carry no topic, but they stay listed separately in
 * `QUESTION_WORDS` so that intent and aspect detection can still see them (use `wordTokens`,
 * which keeps every word). Kazakh entries are also matched in their folded spelling, and the list
 * includes the case suffixes that normalisation splits off after a hyphen ("ЖСН-ді" → "жсн ді").
 */
import type { Lang } from "../types";
import { foldKazakh } from "./normalize";

export const QUESTION_WORDS: Record<Lang, readonly string[]> = {
  kk: [
    "қалай",
    "қалайша",
    "қайда",
    "қайдан",
    "қанша",
    "қандай",
    "қашан",
    "неге",
    "неше",
    "кім",
    "кімге",
    "не",
    "нені",
    "қай",
    "ма",
    "ме",
    "ба",
    "бе",
    "па",
    "пе",
  ],
  ru: [
    "как",
    "где",
    "куда",
    "откуда",
    "что",
    "сколько",
    "какой",
    "какая",
    "какие",
    "какое",
    "каких",
    "какую",
    "когда",
    "почему",
    "зачем",
    "кто",
    "чем",
    "чего",
    "ли",
  ],
  en: ["how", "what", "where", "when", "which", "who", "why", "whom", "much", "many"],
};

const KK_STOP =
  "және мен пен бен да де та те ғой ғана тек бұл осы сол ол олар оның оны оған біз сіз сен менің маған " +
  "үшін туралы бойынша арқылы немесе бірақ егер соң кейін дейін ал әр барлық сияқты " +
  "керек қажет мүмкін тиіс бола болады болса болып болған табылады деген дегеніміз деп еді екен " +
  // case and plural suffixes split off after a hyphen
  "ны ні ды ді ты ті ға ге қа ке на не дан ден тан тен нан нен ның нің дың дің тың тің лар лер дар дер " +
  "тар тер сы сі ы і н ң ғы гі қы кі";
const RU_STOP =
  "и в во не на с со по к ко о об от до за из у для при без через над под про а но или же бы это этот эта " +
  "эти то так там тут все всё мне меня мой моя мою мои я мы вы он она они его ее её их им нужно надо можно " +
  "есть быть будет если чтобы уже еще ещё только тоже также";
const EN_STOP =
  "a an the and or of to in on for with by at from as is are was be been do does did can could should would " +
  "will i my me we you your it its this that these those need get please there if not about";

function withFolded(words: string[]): string[] {
  return [...words, ...words.map(foldKazakh)];
}

export const STOP_WORDS: Record<Lang, ReadonlySet<string>> = {
  kk: new Set(withFolded([...KK_STOP.split(" "), ...QUESTION_WORDS.kk])),
  ru: new Set([...RU_STOP.split(" "), ...QUESTION_WORDS.ru]),
  en: new Set([...EN_STOP.split(" "), ...QUESTION_WORDS.en]),
};

/** Union of all lists: questions mix languages and scripts, and the lists do not collide harmfully. */
const ALL_STOP_WORDS: ReadonlySet<string> = new Set([...STOP_WORDS.kk, ...STOP_WORDS.ru, ...STOP_WORDS.en]);

/** True when a normalised word is a stop word in any language. */
export function isStopWord(word: string): boolean {
  return ALL_STOP_WORDS.has(word);
}

const QUESTION_WORD_SET: ReadonlySet<string> = new Set(
  withFolded([...QUESTION_WORDS.kk, ...QUESTION_WORDS.ru, ...QUESTION_WORDS.en]),
);

/** True when a normalised word is a question word in any language (what the question asks). */
export function isQuestionWord(word: string): boolean {
  return QUESTION_WORD_SET.has(word);
}
