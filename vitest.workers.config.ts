import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

/** Tests that run inside the Workers runtime against a fresh local database. */
export default defineConfig({
  plugins: [
    cloudflareTest(async ({ inject }) => ({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: { DATABASE_URL: inject("databaseUrl"), APP_ORIGIN: "http://localhost:8787" },
      },
    })),
  ],
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    name: "workers",
    include: ["worker/**/*.test.ts", "party/**/*.test.ts"],
    globalSetup: ["./tests/setup/database.global.ts"],
    setupFiles: ["./tests/setup/workers.setup.ts"],
    testTimeout: 20_000,
  },
});
