import type { Translation } from "~/i18n/types";

export const dashboard = {} satisfies Translation["dashboard"];
