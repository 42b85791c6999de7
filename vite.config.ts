import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
      ignoredRouteFiles: ["**/*.test.*", "**/.*"],
    }),
  ],
  build: { target: "es2022" },
  ssr: {
    // Native addons and their wrappers stay outside the server bundle.
    external: ["better-sqlite3", "hnswlib-node", "pg"],
  },
  server: { port: Number(process.env.PORT ?? 3000) },
});
