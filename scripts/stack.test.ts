import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "./free-port";
import { startStack } from "./stack";

describe("startStack", () => {
  it("refuses at start an origin whose passkey relying-party ID would be an IP address, before starting anything", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "megilance-refused-"));
    try {
      const port = await freePort();
      await expect(
        startStack({
          dataDir,
          port,
          dbPort: await freePort(),
          seed: false,
          build: false,
          cron: false,
          quiet: true,
          vars: { APP_ORIGIN: `http://127.0.0.1:${port}` },
        }),
      ).rejects.toThrow(`APP_ORIGIN "http://127.0.0.1:${port}" names an IP address`);
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
