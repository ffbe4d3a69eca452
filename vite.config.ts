import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { relative, resolve } from "node:path";
import { defineConfig } from "vite";

const BUILD_DIRECTORY = process.env.BUILD_DIRECTORY ?? "build";
const SERVER_DIRECTORY = resolve(import.meta.dirname, BUILD_DIRECTORY, "server");
/** The Worker's own source (domain, database schema): the server build imports it instead of holding a copy. */
const SHARED_SOURCE = /\/(worker|db)\/[^?]*\.ts$/;

declare module "@remix-run/cloudflare" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    tailwindcss(),
    remix({
      // BUILD_DIRECTORY builds elsewhere, e.g. to check a build while a running app serves build/.
      buildDirectory: BUILD_DIRECTORY,
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  ssr: {
    target: "webworker",
    // Packages stay bare imports: wrangler bundles the server build with the API and the rooms, so the Worker holds
    // one copy of each (zod, drizzle, stripe, viem…) instead of two, and module identity holds (Yjs checks its
    // constructors). With the Worker's own source imported too (SHARED_SOURCE), the gzipped Worker bundle went from
    // 2.01 MB to 1.55 MB.
    noExternal: [],
    resolve: { conditions: ["workerd", "worker", "browser"], externalConditions: ["workerd", "worker"] },
  },
  build: {
    minify: true,
    sourcemap: process.env.SOURCEMAP === "1",
    // The server build is the Worker: one bundle of every route by design, held to the Workers upload budget
    // (3 MB gzipped on the smallest plan) rather than the browser's 500 kB per chunk.
    chunkSizeWarningLimit: isSsrBuild ? 4_000 : 500,
    rollupOptions: {
      // The Workers runtime provides cloudflare:* modules (reached by loaders through the domain context).
      external: (id: string) => /^cloudflare:/.test(id) || (Boolean(isSsrBuild) && SHARED_SOURCE.test(id)),
      output: isSsrBuild ? { paths: (id: string) => (SHARED_SOURCE.test(id) ? relative(SERVER_DIRECTORY, id) : id) } : undefined,
      onwarn(warning, warn) {
        // zod ships comments Rollup cannot place; harmless and noisy.
        if (warning.message.includes("annotation that Rollup cannot interpret")) return;
        // Resource routes (a loader or action, no component) have no browser code, yet the Remix plugin makes
        // every route a client entry, so their chunks are empty by design.
        if (warning.code === "EMPTY_BUNDLE") return;
        warn(warning);
      },
    },
  },
}));
