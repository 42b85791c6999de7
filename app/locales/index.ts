import { en } from "./en";
import { kk } from "./kk";
import { ru } from "./ru";

export const resources = {
  kk: { translation: kk },
  ru: { translation: ru },
  en: { translation: en },
};
