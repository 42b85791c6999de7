import type { TestProject } from "vitest/node";
import { startServer, type RunningServer } from "../helpers/server";
import { ADMIN } from "./browser";

let server: RunningServer | undefined;

export async function setup(project: TestProject) {
  server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  project.provide("baseUrl", server.url);
}

export async function teardown() {
  await server?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
