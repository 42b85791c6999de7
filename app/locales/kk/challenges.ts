import type { Translation } from "~/i18n/types";

export const challenges = {} satisfies Translation["challenges"];
