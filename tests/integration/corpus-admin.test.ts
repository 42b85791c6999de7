// Corpus administration over real HTTP: an edit is validated with the ingestion parser and published with
// an incremental re-index the assistant's answers follow; unpublish and delete take a service out of
// answers; uploads are all-or-nothing with per-row errors; agencies edit only their own services; the
// quality loop routes "outdated" reports to the owning agency.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { Client } from "../helpers/http-client";
import { startServer, type RunningServer } from "../helpers/server";

const ADMIN = { email: "corpus-admin@aqyl.test", password: "corpus-admin-password" };
const DIGITAL_AGENCY = "ministry-of-ai-digital-development@demo.aqyl.kz";
const HEALTH_AGENCY = "ministry-of-health@demo.aqyl.kz";
const DEMO_PASSWORD = "aqyl-demo-2026";
const EDS_COST = "Сколько стоит ЭЦП?";

let server: RunningServer;
let admin: Client;

beforeAll(async () => {
  server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  admin = await login(ADMIN.email, ADMIN.password);
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

async function login(email: string, password: string): Promise<Client> {
  const client = new Client(server.url);
  const res = await client.submit("/login", { email, password });
  expect(res.status).toBe(302);
  return client;
}

async function ask(message: string, conversationId?: string) {
  const res = await fetch(`${server.url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": randomUUID() },
    body: JSON.stringify({ message, locale: "ru", conversationId }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { kind: string; answer: string; citations: { serviceId: string }[] };
}

/** The Markdown the editor shows, read from the textarea of the page. */
async function editorMarkdown(client: Client, path: string): Promise<string> {
  const html = await (await client.request(path)).text();
  const match = /<textarea[^>]*name="markdown"[^>]*>([\s\S]*?)<\/textarea>/.exec(html);
  expect(match).not.toBeNull();
  return decodeHtml(match![1]!);
}

function decodeHtml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

async function upload(client: Client, files: { name: string; text: string }[], strict = true): Promise<Response> {
  if (!client.get("csrf")) await (await client.request("/healthz")).text();
  const form = new FormData();
  form.set("csrf", client.get("csrf") ?? "");
  if (strict) form.set("strict", "on");
  for (const file of files) form.append("files", new Blob([file.text], { type: "text/plain" }), file.name);
  return client.request("/admin/corpus?lng=en", { method: "POST", body: form });
}

describe("corpus administration", () => {
  it("lists the documents for administrators and keeps everyone else out", async () => {
    const res = await admin.request("/admin/corpus?lng=en&q=eds-issue");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("/admin/corpus/eds-issue/ru");
    expect(html).toContain("Ministry of Artificial Intelligence");

    const anonymous = await new Client(server.url).request("/admin/corpus");
    expect(anonymous.status).toBe(302);
    const startup = await login("saule-rad@demo.aqyl.kz", DEMO_PASSWORD);
    expect((await startup.request("/admin/corpus")).status).toBe(403);
  });

  it("previews an edit with the ingestion parser's errors, and publishes nothing that is invalid", async () => {
    const path = "/admin/corpus/eds-issue/ru?lng=en";
    const markdown = await editorMarkdown(admin, path);
    expect(markdown).toMatch(/^---\nserviceId: eds-issue\nlang: ru\n/);
    const broken = markdown.replace(/## Стоимость\n[\s\S]*?\n\n/, "");
    const preview = await admin.submit(path, { intent: "preview", markdown: broken });
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain("missing section(s): cost");
    const publish = await admin.submit(path, { intent: "publish", markdown: broken });
    expect(publish.status).toBe(200);
    expect(await publish.text()).toContain("was not published");
    expect((await ask(EDS_COST)).answer).toContain("Бесплатно");

    const good = await admin.submit(path, { intent: "preview", markdown });
    expect(await good.text()).toContain("Национальный удостоверяющий центр");
    const unchanged = await admin.submit(path, { intent: "publish", markdown });
    expect(await unchanged.text()).toContain("Nothing changed");
  });

  it("publishes an edit, and the assistant answers from the new text at once, with a diff in the history", async () => {
    const path = "/admin/corpus/eds-issue/ru";
    const markdown = await editorMarkdown(admin, path);
    const edited = markdown.replace("## Стоимость\n- Бесплатно.", "## Стоимость\n- 0,5 МРП (2 163 ₸) за выпуск ключей.");
    expect(edited).not.toBe(markdown);
    const res = await admin.submit(path, { intent: "publish", markdown: edited });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/\?published=2$/);

    const reply = await ask(EDS_COST);
    expect(reply.citations[0]?.serviceId).toBe("eds-issue");
    expect(reply.answer).toContain("2 163 ₸");
    expect(reply.answer).not.toContain("Бесплатно");

    const history = await (await admin.request(`${path}?lng=en&diff=2`)).text();
    expect(history).toContain("Changes from version 1 to 2");
    expect(history).toMatch(/diff__line--del[\s\S]*?Бесплатно\./);
    expect(history).toMatch(/diff__line--add[\s\S]*?0,5 МРП \(2 163 ₸\) за выпуск ключей/);
    expect(history).toContain("Administrator");
  });

  it("unpublishes a service out of the answers and publishes it back", async () => {
    const path = "/admin/corpus/eds-issue/ru";
    const res = await admin.submit(path, { intent: "unpublish" });
    expect(res.status).toBe(302);
    const without = await ask(EDS_COST);
    expect(without.citations.map((c) => c.serviceId)).not.toContain("eds-issue");
    expect(await (await admin.request("/admin/corpus?lng=en&q=eds-issue&lang=ru")).text()).toContain("Unpublished");

    const markdown = await editorMarkdown(admin, path);
    const back = await admin.submit(path, { intent: "publish", markdown });
    expect(back.status).toBe(302);
    const again = await ask(EDS_COST);
    expect(again.citations[0]?.serviceId).toBe("eds-issue");
    expect(again.answer).toContain("2 163 ₸");
  });

  it("imports nothing from an upload with an invalid row, and names the file and line", async () => {
    const csv = [
      "serviceId,lang,title,body,sourceUrl",
      'upload-test-one,ru,Тестовая услуга один,"Услуга для проверки загрузки. Стоимость: бесплатно.",https://egov.kz/one',
      "upload-test-two,xx,Тестовая услуга два,Текст,https://egov.kz/two",
      "upload-test-three,ru,,Текст без названия,not-a-url",
    ].join("\n");
    const res = await upload(admin, [{ name: "set.csv", text: csv }]);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Nothing was imported");
    expect(html).toMatch(/set\.csv:3/);
    expect(html).toMatch(/set\.csv:4/);
    expect(html).toContain("must be one of kk, ru, en");
    const list = await (await admin.request("/admin/corpus?lng=en&q=upload-test")).text();
    expect(list).toContain("Documents: 0");

    const markdownErrors = await upload(admin, [
      { name: "upload-md.md", text: "---\nserviceId: upload-md\nlang: ru\n---\n\n# Нет разделов\n" },
      { name: "notes.txt", text: "hello" },
    ]);
    const mdHtml = await markdownErrors.text();
    expect(mdHtml).toContain("upload-md.md");
    expect(mdHtml).toContain("unsupported file type");
  });

  it("imports a valid set in one go, and the assistant can answer from it", async () => {
    const jsonl = [
      { serviceId: "upload-test-fishing", lang: "ru", title: "Разрешение на любительскую рыбалку", body: "Разрешение на любительскую рыбалку выдаётся бесплатно онлайн за 1 день.", agency: "Комитет рыбного хозяйства" },
      { serviceId: "upload-test-fishing", lang: "en", title: "Recreational fishing permit", body: "A recreational fishing permit is issued free of charge online within 1 day." },
    ]
      .map((row) => JSON.stringify(row))
      .join("\n");
    const res = await upload(admin, [{ name: "fishing.jsonl", text: jsonl }]);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Imported. New: 2, changed: 0, unchanged: 0.");
    const list = await (await admin.request("/admin/corpus?lng=en&q=upload-test-fishing")).text();
    expect(list).toContain("Documents: 2");
    const reply = await ask("разрешение на любительскую рыбалку");
    expect(reply.citations[0]?.serviceId).toBe("upload-test-fishing");
  });

  it("refuses an oversized upload with a clear message", async () => {
    const big = "x".repeat(5 * 1024 * 1024 + 10);
    const res = await upload(admin, [{ name: "big.csv", text: big }]);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("larger than 5 MB");
  });

  it("deletes a language version, which leaves the answers and the list", async () => {
    const path = "/admin/corpus/upload-test-fishing/en";
    const unconfirmed = await admin.submit(path, { intent: "delete" });
    expect(unconfirmed.status).toBe(200);
    const res = await admin.submit(path, { intent: "delete", confirm: "on" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain("/admin/corpus?deleted=");
    const list = await (await admin.request("/admin/corpus?lng=en&q=upload-test-fishing")).text();
    expect(list).toContain("Documents: 1");
    const editor = await (await admin.request(`${path}?lng=en`)).text();
    expect(editor).toContain("Not yet in this language");
  });

  it("lets an agency edit its own services only", async () => {
    const agency = await login(DIGITAL_AGENCY, DEMO_PASSWORD);
    const list = await (await agency.request("/admin/corpus?lng=en")).text();
    expect(list).toContain("/admin/corpus/eds-issue/ru");
    expect(list).not.toContain("/admin/corpus/id-card-issue/ru");
    expect((await agency.request("/admin/corpus/id-card-issue/ru")).status).toBe(403);
    const markdown = await editorMarkdown(agency, "/admin/corpus/eds-issue/kk");
    const edited = markdown.replace(/lastChecked: "\d{4}-\d{2}-\d{2}"/, 'lastChecked: "2026-11-27"');
    const published = await agency.submit("/admin/corpus/eds-issue/kk", { intent: "publish", markdown: edited });
    expect(published.status).toBe(302);
    const other = await agency.submit("/admin/corpus/id-card-issue/ru", { intent: "unpublish" });
    expect(other.status).toBe(403);
    const foreign = await upload(agency, [{ name: "x.jsonl", text: JSON.stringify({ serviceId: "id-card-issue", lang: "en", title: "ID card", body: "Taken over." }) }], false);
    expect(await foreign.text()).toContain("services your agency does not own");
  });

  it("routes outdated reports to the owning agency, which can close them", async () => {
    // The server's own database (SQLite in its data directory, or its PostgreSQL database).
    const handle = openDatabase({ dataDir: server.dataDir, databaseUrl: server.databaseUrl });
    const now = Date.now();
    const insertReport = async (serviceId: string, comment: string) => {
      const logId = randomUUID();
      await handle.db
        .insertInto("chat_logs")
        .values({
          id: logId, conversation_id: null, channel: "web", lang: "ru", kind: "answer", question: `вопрос про ${serviceId}`, answer: "ответ",
          service_ids: JSON.stringify([serviceId]), top_service_id: serviceId, confidence: 0.9, latency_ms: 10, created_at: now,
        })
        .execute();
      const id = randomUUID();
      await handle.db
        .insertInto("chat_feedback")
        .values({ id, chat_log_id: logId, rating: -1, comment, outdated: 1, service_id: serviceId, status: "open", created_at: now, resolved_at: null, resolved_by: null })
        .execute();
      return id;
    };
    const edsReport = await insertReport("eds-issue", "цена изменилась");
    await insertReport("id-card-issue", "другой срок");
    await handle.close();

    const agency = await login(DIGITAL_AGENCY, DEMO_PASSWORD);
    const page = await (await agency.request("/agency/reports?lng=en")).text();
    expect(page).toContain("цена изменилась");
    expect(page).not.toContain("другой срок");
    const health = await login(HEALTH_AGENCY, DEMO_PASSWORD);
    expect(await (await health.request("/agency/reports?lng=en")).text()).not.toContain("цена изменилась");
    expect((await health.submit("/agency/reports", { intent: "status", id: edsReport, status: "dismissed" })).status).toBe(403);

    const fixed = await agency.submit("/agency/reports?lng=en", { intent: "status", id: edsReport, status: "fixed" });
    expect(fixed.status).toBe(200);
    expect(await (await agency.request("/agency/reports?lng=en&status=fixed")).text()).toContain("цена изменилась");

    const adminView = await (await admin.request("/admin/quality?tab=reports&lng=en")).text();
    expect(adminView).toContain("другой срок");
    expect(adminView).not.toContain("цена изменилась");
  });

  it("groups the questions the assistant could not answer, with counts", async () => {
    for (const q of ["Как вырастить помидоры на балконе?", "как вырастить помидоры на балконе", "Помидоры на балконе как вырастить?"]) await ask(q);
    const html = await (await admin.request("/admin/quality?lng=en")).text();
    expect(html).toMatch(/cluster__number">3</);
    expect(html).toMatch(/помидоры на балконе/i);
    const feedback = await admin.request("/admin/quality?tab=feedback&lng=en&outdated=1");
    expect(await feedback.text()).toContain("цена изменилась");
  });

  it("says the messenger webhook is not configured without a secret", async () => {
    const res = await fetch(`${server.url}/api/messenger/aitu`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: "webhook not configured" });
  });
});
