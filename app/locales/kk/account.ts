import type { Translation } from "~/i18n/types";

export const account = {} satisfies Translation["account"];
