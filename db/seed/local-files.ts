/**
 * The app's R2 bucket as `npm run dev` keeps it on disk, opened from Node so the demo seed can store files
 * before the Worker starts: wrangler's local mode persists R2 through Miniflare under `<persist-to>/v3/r2`.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Miniflare } from "miniflare";
import type { FileBucket } from "../../worker/domain/files/uploads";

const ROOT = resolve(import.meta.dirname, "../..");

/** The FILES bucket's name, as wrangler.toml declares it. */
export function filesBucketName(): string {
  const toml = readFileSync(resolve(ROOT, "wrangler.toml"), "utf8");
  const name = /\[\[r2_buckets\]\]\s*binding\s*=\s*"FILES"\s*bucket_name\s*=\s*"([^"]+)"/.exec(toml)?.[1];
  if (!name) throw new Error('wrangler.toml declares no R2 bucket bound as "FILES"');
  return name;
}

/** Opens the local bucket that `wrangler dev --persist-to <wranglerDir>` serves. */
export async function openLocalFiles(wranglerDir: string): Promise<{ bucket: FileBucket; close(): Promise<void> }> {
  const mf = new Miniflare({
    modules: true,
    script: "export default { fetch() { return new Response(null, { status: 404 }); } }",
    r2Buckets: { FILES: filesBucketName() },
    r2Persist: resolve(wranglerDir, "v3", "r2"),
  });
  const bucket = (await mf.getR2Bucket("FILES")) as unknown as FileBucket;
  return { bucket, close: () => mf.dispose() };
}

/** For runs that never serve files back (tests of the seed, benchmarks): uploads are accepted and dropped. */
export function discardedFiles(): FileBucket {
  return {
    put: async () => null,
    get: async () => null,
  } as unknown as FileBucket;
}
