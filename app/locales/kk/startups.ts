import type { Translation } from "~/i18n/types";

export const startups = {} satisfies Translation["startups"];
