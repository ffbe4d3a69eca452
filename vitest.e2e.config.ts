import { defineConfig } from "vitest/config";

/** Browser journeys against the app running in the real Workers runtime. */
export default defineConfig({
  test: {
    name: "e2e",
    include: ["tests/e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["./tests/setup/stack.global.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // expect.poll waits for a page to settle after a click; one second (the default) is too short on a busy machine.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
