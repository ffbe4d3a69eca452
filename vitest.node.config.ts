import { defineConfig } from "vitest/config";

/** Plain Node tests: the local database server and seed data, scripts, config manifests. */
export default defineConfig({
  test: {
    name: "node",
    include: ["app/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts", "tests/config/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
