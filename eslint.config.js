// Lint, including the architecture's dependency rules (see docs/architecture.md):
//   db/ imports neither app/ nor rag/; rag/ never imports app/; nothing imports tests/;
//   client code (components, hooks, i18n, non-.server libs) never imports server modules.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

const noTests = { group: ["**/tests/**"], message: "Production code never imports tests/." };
const ownUseTranslation = {
  name: "react-i18next",
  importNames: ["useTranslation"],
  message: "Use ~/i18n/use-translation: react-i18next's hook costs a tenth of a page's server render.",
};
const ownIcons = {
  name: "lucide-react",
  message: "Use ~/components/icons (prebuilt icon elements); add the icon there if it is missing.",
};

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", ".data/**", "coverage/**", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
    },
  },
  {
    files: ["db/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["**/app/**", "~/*"], message: "db/ must not import app/." },
          { group: ["**/rag/**"], message: "db/ must not import rag/." },
          noTests,
        ],
      }],
    },
  },
  {
    files: ["rag/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["**/app/**", "~/*"], message: "rag/ must not import app/." }, noTests],
      }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.server.{ts,tsx}", "app/routes/**", "app/root.tsx", "app/entry.server.tsx"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: [ownUseTranslation, ownIcons],
        patterns: [
          { group: ["**/*.server", "**/*.server.*", "~/lib/*.server"], message: "Client code must not import server modules." },
          { group: ["**/db/**", "!**/db/taxonomy"], message: "Client code reaches db/ only through app/lib/db.server.ts (taxonomy is the exception)." },
          { group: ["**/rag/**", "!**/rag/types"], message: "Client code reaches rag/ only through app/lib/rag.server.ts." },
          noTests,
        ],
      }],
    },
  },
  {
    files: ["app/routes/**", "app/root.tsx", "app/entry.server.tsx", "app/**/*.server.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: [ownUseTranslation, ownIcons],
        patterns: [
          { group: ["**/db/**", "!**/db/taxonomy", "!**/db/schema"], message: "Routes reach db/ only through app/lib/db.server.ts." },
          { group: ["**/rag/**", "!**/rag/types"], message: "Routes reach rag/ only through app/lib/rag.server.ts." },
          noTests,
        ],
      }],
    },
  },
  {
    // The gateways themselves.
    files: ["app/lib/db.server.ts", "app/lib/boot.server.ts", "app/lib/rag.server.ts", "app/lib/matching.server.ts", "app/lib/taxonomy.ts", "app/components/icons.tsx"],
    rules: { "no-restricted-imports": "off" },
  },
);
