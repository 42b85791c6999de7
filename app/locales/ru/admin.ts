import type { Translation } from "~/i18n/types";

export const admin = {} satisfies Translation["admin"];
