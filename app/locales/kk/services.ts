import type { Translation } from "~/i18n/types";

export const services = {} satisfies Translation["services"];
