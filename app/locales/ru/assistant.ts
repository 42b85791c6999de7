import type { Translation } from "~/i18n/types";

export const assistant = {} satisfies Translation["assistant"];
