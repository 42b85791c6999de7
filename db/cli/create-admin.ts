// npm run admin:create -- --email admin@example.kz [--password …]  (password from ADMIN_PASSWORD when omitted)
import { z } from "zod";
import { openDatabase } from "../connection";
import { dataConfigFromEnv } from "../config";
import { migrateToLatest } from "../migrate";
import { upsertAdmin } from "../queries/users";
import { parseFlags, runCli } from "./run";

const USAGE = "usage: npm run admin:create -- --email ADDRESS [--password PASSWORD] [--name NAME]";

runCli(async () => {
  const flags = parseFlags(process.argv.slice(2));
  const input = z
    .object({
      email: z.email("--email must be an e-mail address"),
      password: z.string("--password (or ADMIN_PASSWORD) is required").min(12, "the password must be at least 12 characters"),
      name: z.string().min(1).default("Administrator"),
    })
    .safeParse({ email: flags.email, password: flags.password ?? process.env.ADMIN_PASSWORD, name: flags.name });
  if (!input.success) throw new Error(`${input.error.issues[0]?.message} (${USAGE})`);
  const handle = openDatabase(dataConfigFromEnv());
  try {
    await migrateToLatest(handle.db);
    const result = await upsertAdmin(handle.db, input.data.email, input.data.password, input.data.name);
    console.log(`admin ${input.data.email} ${result}`);
  } finally {
    await handle.close();
  }
});
