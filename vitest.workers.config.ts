import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { OAUTH_TEST_CLIENTS } from "./tests/setup/oauth-provider.global";

/** Tests that run inside the Workers runtime against a fresh local database. */
export default defineConfig({
  plugins: [
    cloudflareTest(async ({ inject }) => ({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          DATABASE_URL: inject("databaseUrl"),
          APP_ORIGIN: "http://localhost:8787",
          OAUTH_ENDPOINT_OVERRIDE: inject("oauthProviderUrl"),
          GOOGLE_CLIENT_ID: OAUTH_TEST_CLIENTS.google.id,
          GOOGLE_CLIENT_SECRET: OAUTH_TEST_CLIENTS.google.secret,
          GITHUB_CLIENT_ID: OAUTH_TEST_CLIENTS.github.id,
          GITHUB_CLIENT_SECRET: OAUTH_TEST_CLIENTS.github.secret,
        },
      },
    })),
  ],
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    name: "workers",
    include: ["worker/**/*.test.ts", "party/**/*.test.ts"],
    globalSetup: ["./tests/setup/database.global.ts", "./tests/setup/oauth-provider.global.ts"],
    setupFiles: ["./tests/setup/workers.setup.ts"],
    testTimeout: 20_000,
  },
});
