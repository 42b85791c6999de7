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
export { verifyPassword, dummyPasswordHash } from "../../db/password";
export type { User, Role } from "../../db/schema";
