import { resolve } from "node:path";
import { startStack } from "./stack";

const stack = await startStack({
  dataDir: resolve(import.meta.dirname, "../.data"),
  port: Number(process.env.PORT ?? 8787),
  dbPort: Number(process.env.LOCAL_DB_PORT ?? 8080),
  seed: true,
  build: true,
  cron: true,
});

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log("\n[megilance] stopping…");
  await stack.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
