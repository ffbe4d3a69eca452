// The lint that holds the walls (docs/decisions/036-lint-and-layers.md): typescript-eslint, React hooks and
// jsx-a11y for the code itself, and `no-restricted-imports` per layer for which room may import which.
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Import patterns a layer may not use, with the reason the lint prints. */
const forbid = (...rules) => ({
  "@typescript-eslint/no-restricted-imports": [
    "error",
    { patterns: rules.map(([group, message]) => ({ group: [group], message, allowTypeImports: true })) },
  ],
});

const API = ["**/api/**", "Routes (worker/api) are an edge: nothing imports them but the Worker's entry."];
const APP = ["**/app/**", "The domain never reaches into the Remix app."];
const TILDE = ["~/*", "The domain never reaches into the Remix app."];
const PLATFORM = [
  "**/platform/**",
  "The domain reaches adapters (payments, rates feed, storage) through the DomainContext's ports, not by import.",
];
const TEST_SUPPORT = ["**/test-support/**", "Test helpers are for tests only."];
const JOBS = ["**/jobs/**", "worker/jobs runs the domain on a schedule; the domain never reaches up into it."];

export default tseslint.config(
  {
    ignores: ["build/**", "public/build/**", ".wrangler/**", "node_modules/**", "migrations/**", "**/*.d.ts", ".cache/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // Tests and stand-ins read untyped JSON bodies; production code types its inputs through zod.
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      // The two classic hook rules; the React Compiler's stricter rules (set-state-in-effect, refs, purity) flag
      // 14 hydration and prop-sync idioms today and are left for when the app adopts the compiler.
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      ...jsxA11y.flatConfigs.recommended.rules,
      // `role` is also a prop of our own components (client or freelancer), not only an ARIA attribute.
      "jsx-a11y/aria-role": ["error", { ignoreNonDOM: true }],
      // Scrollable tables are focusable regions, so keyboard users can scroll them (axe: scrollable-region-focusable).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { roles: ["region"] }],
      ...forbid(API),
    },
  },
  {
    files: ["worker/domain/**/*.ts"],
    ignores: ["worker/domain/**/*.test.ts", "worker/domain/**/test-fixtures.ts"],
    // Which domain folder may import which (one direction, no cycle) is tests/config/domain-layers.test.ts.
    rules: forbid(API, APP, TILDE, PLATFORM, TEST_SUPPORT, JOBS),
  },
  {
    // Scheduled and queued work that calls many domain modules and the adapters (docs/decisions/039-domain-layers.md).
    files: ["worker/jobs/**/*.ts"],
    ignores: ["worker/jobs/**/*.test.ts"],
    rules: forbid(API, APP, TILDE, TEST_SUPPORT),
  },
  {
    files: ["party/**/*.ts"],
    ignores: ["party/**/*.test.ts"],
    rules: forbid(API, APP, TILDE, TEST_SUPPORT),
  },
  {
    files: ["db/**/*.ts"],
    ignores: ["db/**/*.test.ts", "db/seed/**"],
    rules: forbid(API, APP, TILDE, PLATFORM, ["**/worker/**", "The schema stands alone: the domain builds on it."]),
  },
);
