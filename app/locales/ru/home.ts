import type { Translation } from "~/i18n/types";

export const home = {} satisfies Translation["home"];
