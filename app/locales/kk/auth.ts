import type { Translation } from "~/i18n/types";

export const auth = {} satisfies Translation["auth"];
