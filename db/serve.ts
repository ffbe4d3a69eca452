/** `tsx db/serve.ts`: serves LOCAL_DB_FILE over libSQL's HTTP protocol on LOCAL_DB_PORT until stopped. */
import { startLocalDbServer } from "./local-server";

const file = process.env.LOCAL_DB_FILE || ".data/megilance.db";
const port = Number(process.env.LOCAL_DB_PORT || 8080);
const latencyMs = Number(process.env.LOCAL_DB_LATENCY_MS || 0);

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`LOCAL_DB_PORT must be a port number, got ${JSON.stringify(process.env.LOCAL_DB_PORT)}`);
  process.exit(1);
}

try {
  const server = await startLocalDbServer({
    file,
    port,
    host: process.env.LOCAL_DB_HOST || undefined,
    authToken: process.env.LOCAL_DB_AUTH_TOKEN || undefined,
    log: process.env.LOCAL_DB_LOG === "1",
    latencyMs: Number.isFinite(latencyMs) ? latencyMs : 0,
  });
  console.log(`libSQL server for ${file} listening at ${server.url}`);
  console.log(`Use DATABASE_URL=${server.url}`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, closing the database server`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  console.error(`Could not start the database server on port ${port}: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
