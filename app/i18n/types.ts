import type { en } from "~/locales/en";

/** Same keys as the English catalogue, every leaf a string: a missing key in kk or ru fails the typecheck. */
export type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };
export type Translation = Catalogue<typeof en>;

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
    returnNull: false;
  }
}
