import type { Translation } from "~/i18n/types";

export const investors = {} satisfies Translation["investors"];
