import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { OAUTH_TEST_CLIENTS } from "./tests/setup/oauth-provider.global";
import { STRIPE_TEST_KEYS } from "./tests/setup/stripe-stand-in.global";
import { CALLS_TEST_APP } from "./tests/setup/calls-stand-in.global";

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
          STRIPE_SECRET_KEY: STRIPE_TEST_KEYS.secret,
          STRIPE_PUBLISHABLE_KEY: STRIPE_TEST_KEYS.publishable,
          STRIPE_WEBHOOK_SECRET: `${STRIPE_TEST_KEYS.webhookSecret},${STRIPE_TEST_KEYS.connectWebhookSecret}`,
          STRIPE_API_BASE: inject("stripeApiUrl"),
          CALLS_APP_ID: CALLS_TEST_APP.id,
          CALLS_APP_SECRET: CALLS_TEST_APP.secret,
          CALLS_API_BASE: inject("callsApiUrl"),
          RATES_FEED_URL: `${inject("ratesFeedUrl")}/latest`,
          USDC_RPC_URL: inject("evm").rpcUrl,
          USDC_TOKEN_ADDRESS: inject("evm").tokenAddress,
          USDC_PLATFORM_ADDRESS: inject("evm").platformAddress,
          USDC_CHAIN_ID: String(inject("evm").chainId),
          USDC_CONFIRMATIONS: "3",
        },
      },
    })),
  ],
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    name: "workers",
    include: ["worker/**/*.test.ts", "party/**/*.test.ts"],
    globalSetup: [
      "./tests/setup/database.global.ts",
      "./tests/setup/oauth-provider.global.ts",
      "./tests/setup/stripe-stand-in.global.ts",
      "./tests/setup/calls-stand-in.global.ts",
      "./tests/setup/rates-feed.global.ts",
      "./tests/setup/evm-node.global.ts",
      "./tests/setup/openapi-validator.global.ts",
    ],
    setupFiles: ["./tests/setup/workers.setup.ts"],
    // A hang guard, not a speed check (speed is measured by npm run bench): tests that run a daily sweep on a shifted
    // clock work through every other file's leftovers in the shared database, beside the browser journeys' CPU use.
    // On a loaded 2-core machine such a test took 42 s of a 60 s guard, so the guard is three minutes.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
