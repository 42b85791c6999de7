/**
 * The app's one gateway to the data layer: routes call these functions, never build queries.
 */
import { ready } from "./boot.server";

export async function getDb() {
  return (await ready()).database.db;
}

export * as users from "../../db/queries/users";
export * as sessions from "../../db/queries/sessions";
export * as throttle from "../../db/queries/throttle";
export * as marketplace from "../../db/queries/marketplace";
export * as notifications from "../../db/queries/notifications";
export * as accounts from "../../db/queries/accounts";
export * as startupProfiles from "../../db/queries/startup-profiles";
export * as stats from "../../db/queries/stats";
export * as answerFeedback from "../../db/queries/answer-feedback";
export * as challengesAdmin from "../../db/queries/challenges-admin";
export * as applications from "../../db/queries/applications";
export * as products from "../../db/queries/products";
export * as corpusAdmin from "../../db/queries/corpus-admin";
export * as corpusOwners from "../../db/queries/corpus-owners";
export * as chatLogs from "../../db/queries/chat-logs";
export * as quality from "../../db/queries/quality";
export * as messenger from "../../db/queries/messenger";
export * as intros from "../../db/queries/intros";
export * as pipeline from "../../db/queries/pipeline";
export * as investorProfiles from "../../db/queries/investor-profiles";
export { verifyPassword, dummyPasswordHash } from "../../db/password";
export type { User, Role } from "../../db/schema";
