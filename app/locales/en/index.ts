import { common } from "./common";
import { home } from "./home";
import { auth } from "./auth";
import { account } from "./account";
import { startups } from "./startups";
import { investors } from "./investors";
import { challenges } from "./challenges";
import { assistant } from "./assistant";
import { services } from "./services";
import { dashboard } from "./dashboard";
import { admin } from "./admin";
import { agency } from "./agency";
import { applications } from "./applications";
import { deals } from "./deals";

/** The English catalogue is the source of truth for keys; kk and ru must match it. */
export const en = { common, home, auth, account, startups, investors, challenges, assistant, services, dashboard, admin, agency, applications, deals };
