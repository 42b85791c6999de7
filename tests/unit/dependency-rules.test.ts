// The architecture's import directions are enforced by ESLint; prove the rules fire.
import { describe, expect, it } from "vitest";
import { ESLint } from "eslint";

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("dependency rules", () => {
  it("db/ must not import app/ or rag/", async () => {
    expect(await restricted("db/probe.ts", 'import { getEnv } from "../app/lib/env.server";\nexport const x = getEnv;\n')).toHaveLength(1);
    expect(await restricted("db/probe.ts", 'import { redact } from "../rag/privacy/redact";\nexport const x = redact;\n')).toHaveLength(1);
    expect(await restricted("db/probe.ts", 'import { newId } from "./ids";\nexport const x = newId;\n')).toHaveLength(0);
  });

  it("rag/ must not import app/", async () => {
    expect(await restricted("rag/probe.ts", 'import { log } from "../app/lib/log.server";\nexport const x = log;\n')).toHaveLength(1);
    expect(await restricted("rag/probe.ts", 'import { newId } from "../db/ids";\nexport const x = newId;\n')).toHaveLength(0);
  });

  it("client code must not import server modules", async () => {
    expect(await restricted("app/components/probe.tsx", 'import { ready } from "~/lib/boot.server";\nexport const x = ready;\n')).toHaveLength(1);
    expect(await restricted("app/components/probe.tsx", 'import { newId } from "../../db/ids";\nexport const x = newId;\n')).toHaveLength(1);
    expect(await restricted("app/components/probe.tsx", 'import { SECTORS } from "~/lib/taxonomy";\nexport const x = SECTORS;\n')).toHaveLength(0);
  });

  it("routes reach db/ only through the gateway", async () => {
    expect(await restricted("app/routes/probe.tsx", 'import { getUserById } from "../../db/queries/users";\nexport const x = getUserById;\n')).toHaveLength(1);
    expect(await restricted("app/routes/probe.tsx", 'import { users } from "~/lib/db.server";\nexport const x = users;\n')).toHaveLength(0);
  });
});
