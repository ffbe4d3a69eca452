import argon2 from "./argon2.wasm";
import blake2b from "./blake2b.wasm";
import { WASM_SHA256 } from "./digests";

const PRECOMPILED: Record<string, WebAssembly.Module> = { argon2, blake2b };
let installed = false;

/**
 * Workers refuse WebAssembly.compile on bytes; hash-wasm compiles its embedded binaries that way.
 * Hand it the module wrangler precompiled instead, but only for bytes whose SHA-256 we shipped.
 */
export function installPrecompiledWasm(): void {
  if (installed) return;
  installed = true;
  const compile = WebAssembly.compile.bind(WebAssembly);
  WebAssembly.compile = async (bytes: BufferSource) => {
    const digest = toHex(await crypto.subtle.digest("SHA-256", bytes));
    for (const [name, expected] of Object.entries(WASM_SHA256)) {
      if (digest === expected) return PRECOMPILED[name];
    }
    return compile(bytes);
  };
}

function toHex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
