/**
 * The quality loop's views (docs/corpus-admin.md): the queue of questions the assistant could not
 * answer well, grouped by similarity; the feedback list; "outdated" reports with their owning agency,
 * and changing a report's status (administrators, or the owning agency's verified users).
 */
import type { Language } from "~/i18n/config";
import type { PublicUser } from "./auth.server";
import { canEditDocument, shortDateFormat } from "./corpus-admin.server";
import { getDb, quality, stats } from "./db.server";
import { clusterQuestions } from "./rag.server";
import { parseLocalized, pickLocalized } from "./taxonomy";

type Db = Awaited<ReturnType<typeof getDb>>;
type FeedbackFilter = Parameters<typeof quality.listFeedback>[1];

const CLUSTERS_SHOWN = 50;
const ANSWER_EXCERPT_CHARS = 240;

export async function unansweredQueue(db: Db, days: number, lng: Language) {
  const date = shortDateFormat(lng);
  const questions = await quality.listUnansweredQuestions(db, { since: Date.now() - days * 86_400_000 });
  const clusters = clusterQuestions(questions.map((q) => ({ ...q, text: q.question }))).slice(0, CLUSTERS_SHOWN);
  const topServices = clusters.map((c) => mostCommon(c.items.map((i) => i.topServiceId).filter((id): id is string => !!id)));
  const titles = await stats.serviceTitles(db, topServices.filter((id): id is string => !!id));
  return {
    questions: questions.length,
    truncated: questions.length >= quality.QUEUE_LIMIT,
    clusters: clusters.map((c, i) => {
      const serviceId = topServices[i];
      const wordings = [...new Set(c.items.map((item) => item.question.trim()))].filter((w) => w !== c.label).slice(0, 3);
      return {
        label: c.label,
        count: c.count,
        lastSeen: date(c.lastSeen),
        langs: [...new Set(c.items.map((item) => item.lang))].sort(),
        refused: c.items.filter((item) => item.kind === "out_of_scope").length,
        clarified: c.items.filter((item) => item.kind === "clarify").length,
        lowConfidence: c.items.filter((item) => item.kind === "answer").length,
        service: serviceId ? { id: serviceId, title: pickLocalized(titles.get(serviceId) ?? {}, lng) || serviceId } : null,
        wordings,
      };
    }),
  };
}

export async function feedbackView(db: Db, filter: FeedbackFilter, lng: Language) {
  const date = shortDateFormat(lng);
  const { rows, total } = await quality.listFeedback(db, filter);
  const serviceIds = rows.map((r) => r.serviceId).filter((id): id is string => !!id);
  const [titles, owners] = await Promise.all([stats.serviceTitles(db, serviceIds), quality.serviceOwners(db, serviceIds)]);
  return {
    total,
    page: Math.max(1, filter?.page ?? 1),
    pageCount: Math.max(1, Math.ceil(total / quality.FEEDBACK_PAGE_SIZE)),
    rows: rows.map((r) => ({
      id: r.id,
      date: date(r.createdAt),
      positive: r.rating > 0,
      outdated: r.outdated,
      status: r.status,
      comment: r.comment,
      question: r.question,
      answer: r.answer.length > ANSWER_EXCERPT_CHARS ? `${r.answer.slice(0, ANSWER_EXCERPT_CHARS).trimEnd()}…` : r.answer,
      lang: r.lang,
      channel: r.channel,
      resolved: r.resolvedAt ? { date: date(r.resolvedAt), by: r.resolvedBy } : null,
      service: r.serviceId ? { id: r.serviceId, title: pickLocalized(titles.get(r.serviceId) ?? {}, lng) || r.serviceId } : null,
      owner: r.serviceId && owners.get(r.serviceId) ? pickLocalized(parseLocalized(owners.get(r.serviceId)!.name), lng) : null,
    })),
  };
}

export type FeedbackView = Awaited<ReturnType<typeof feedbackView>>;

export class ReportPermissionError extends Error {}

/** Changes a report's status; only administrators and the owning agency's verified users may. */
export async function changeReportStatus(user: PublicUser, id: string, status: quality.FeedbackStatus): Promise<boolean> {
  const db = await getDb();
  const target = await quality.getFeedbackTarget(db, id);
  if (!target) return false;
  if (!canEditDocument(user, target.ownerAgencyId)) throw new ReportPermissionError();
  await quality.setFeedbackStatus(db, id, status, user.id);
  return true;
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
