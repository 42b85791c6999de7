/**
 * In-app notifications about challenges and applications. A notification's payload holds its text in
 * every UI language ({kk,ru,en}), written here with each language's catalogue, so the list shows it
 * in whatever language the reader uses later.
 */
import type { TFunction } from "i18next";
import { LANGUAGES, type Language } from "~/i18n/config";
import { applications, challengesAdmin, notifications, type getDb } from "./db.server";
import { i18nFor } from "./i18n.server";
import { parseLocalized, pickLocalized } from "./taxonomy";

type Db = Awaited<ReturnType<typeof getDb>>;

/** The same message in every language; `compose` gets each language's translator. */
function inEveryLanguage(compose: (t: TFunction, lang: Language) => string): Record<Language, string> {
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, compose(i18nFor(lang).t, lang)])) as Record<
    Language,
    string
  >;
}

async function notifyAll(
  db: Db,
  userIds: readonly string[],
  kind: string,
  text: Record<Language, string>,
  link: string,
) {
  for (const userId of new Set(userIds)) await notifications.notify(db, { userId, kind, payload: text, link });
}

interface ChallengeRef {
  slug: string;
  title: string;
  agency_id: string;
}

const titleIn = (challenge: ChallengeRef, lang: Language) => pickLocalized(parseLocalized(challenge.title), lang);

/** Tells the agency's users that a startup applied. */
export async function notifyApplicationReceived(
  db: Db,
  challenge: ChallengeRef,
  startupName: string,
  applicationId: string,
) {
  const userIds = await challengesAdmin.agencyUserIds(db, challenge.agency_id);
  const text = inEveryLanguage((t, lang) =>
    t("applications.notify.received", { startup: startupName, title: titleIn(challenge, lang) }),
  );
  await notifyAll(
    db,
    userIds,
    "application.received",
    text,
    `/agency/challenges/${challenge.slug}/applications/${applicationId}`,
  );
}

export type ApplicationEvent = "shortlisted" | "rejected" | "selected" | "notSelected" | "cancelled";

/** Tells an application's startup that its status changed. */
export async function notifyApplicationStatus(
  db: Db,
  challenge: ChallengeRef,
  application: { startup_id: string; submitted_by: string | null },
  event: ApplicationEvent,
) {
  const userIds = await applications.applicantUserIds(db, application);
  const text = inEveryLanguage((t, lang) => t(`applications.notify.${event}`, { title: titleIn(challenge, lang) }));
  await notifyAll(db, userIds, `application.${event}`, text, "/account/applications");
}
