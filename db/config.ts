/** Where the data lives, from the environment: shared by the server, the CLIs and the assistant engine. */
import { resolve } from "node:path";

export interface DataConfig {
  dataDir: string;
  databaseUrl?: string;
  seedsDir: string;
}

export function dataConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DataConfig {
  return {
    dataDir: resolve(env.DATA_DIR?.trim() || ".data"),
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    seedsDir: resolve(env.SEEDS_DIR?.trim() || "seeds"),
  };
}
