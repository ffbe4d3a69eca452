import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    ratesFeedUrl: string;
  }
}

/** What the stand-in's /latest answers: a EUR-based feed, so the refresh must rebase it on USD. */
export const STAND_IN_FEED = {
  base: "EUR",
  timestamp: 1_796_000_000,
  rates: { USD: 1.25, EUR: 1, GBP: 0.85, JPY: 180, BHD: 0.47, KWD: "0.38", XYZ: 2 },
} as const;

/**
 * An exchange-rate feed on loopback: `/latest` serves STAND_IN_FEED, `/echo?base=..&timestamp=..&EUR=..`
 * serves exactly the rates in the query, `/down` answers 503 and `/garbage` answers a page that is not JSON.
 */
export function startRatesFeed(): Promise<{ url: string; close: () => Promise<void> }> {
  const send = (res: ServerResponse, status: number, body: string, type = "application/json") =>
    res.writeHead(status, { "Content-Type": type }).end(body);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    if (req.method !== "GET") return send(res, 405, "{}");
    switch (url.pathname) {
      case "/latest":
        return send(res, 200, JSON.stringify(STAND_IN_FEED));
      case "/echo": {
        const rates: Record<string, number> = {};
        for (const [key, value] of url.searchParams) if (/^[A-Z]{3}$/.test(key)) rates[key] = Number(value);
        return send(
          res,
          200,
          JSON.stringify({ base: url.searchParams.get("base") ?? "USD", timestamp: Number(url.searchParams.get("timestamp")), rates }),
        );
      }
      case "/down":
        return send(res, 503, JSON.stringify({ error: "maintenance" }));
      case "/garbage":
        return send(res, 200, "<html>not rates</html>", "text/html");
      default:
        return send(res, 404, "{}");
    }
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}

export default async function setup(project: TestProject) {
  const feed = await startRatesFeed();
  project.provide("ratesFeedUrl", feed.url);
  return feed.close;
}
