/**
 * `npm run --silent ask -- --jsonl`: one question per stdin line → one reply object per stdout line
 * (exactly the `POST /api/chat` reply shape), in order, nothing else on stdout. A line is either the
 * question's text or a JSON object `{"message"|"q": string, "locale"?, "conversationId"?}`; any other
 * line (a JSON value without a question, or text that merely starts with "{") is asked as plain text,
 * so every non-blank line gets exactly one reply. Blank lines are skipped.
 *
 * `npm run ask -- "Сколько стоит загранпаспорт?"` asks one question and prints the answer for people;
 * add `--json` for the reply object. Options: `--locale kk|ru|en`, `--conversation ID`.
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createAssistant } from "../index";
import { LANGS, type Lang } from "../types";
import { isLang, requestFromLine } from "./request-line";
import { keepStdoutClean, logLine, openMigratedDatabase, readConfigOrExit, runCli } from "./context";

keepStdoutClean();

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      jsonl: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      locale: { type: "string" },
      conversation: { type: "string" },
    },
  });
  if (values.locale !== undefined && !isLang(values.locale))
    throw new Error(`--locale must be one of ${LANGS.join(", ")}`);
  const defaults = { locale: values.locale as Lang | undefined, conversationId: values.conversation };
  if (!values.jsonl && positionals.length === 0) {
    logLine('usage: npm run ask -- "your question"   or   npm run --silent ask -- --jsonl < questions.txt');
    return 2;
  }

  const config = readConfigOrExit();
  const handle = await openMigratedDatabase(config);
  try {
    const assistant = await createAssistant({ db: handle.db, dataDir: config.dataDir, config, log: logLine });
    if (values.jsonl) {
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of lines) {
        if (!line.trim()) continue;
        const reply = await assistant.ask(requestFromLine(line, defaults));
        process.stdout.write(`${JSON.stringify(reply)}\n`);
      }
    } else {
      const reply = await assistant.ask({ ...requestFromLine(positionals.join(" "), defaults), channel: "cli" });
      if (values.json) process.stdout.write(`${JSON.stringify(reply, null, 2)}\n`);
      else {
        process.stdout.write(`${reply.answer}\n`);
        if (reply.citations.length > 0) {
          process.stdout.write(`\n${reply.citations.map((c, i) => `[${i + 1}] ${c.title} — ${c.url}`).join("\n")}\n`);
        }
        process.stdout.write(`\n(${reply.kind}, ${reply.language}, conversation ${reply.conversationId})\n`);
      }
    }
    await assistant.close();
  } finally {
    await handle.close();
  }
});
