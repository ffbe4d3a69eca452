import { argon2id, argon2Verify } from "hash-wasm";

/** OWASP's minimum for Argon2id: 19 MiB of memory, 2 passes, 1 lane. Raise here; old hashes upgrade on sign-in. */
export const PASSWORD_HASH_PARAMS = { memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 } as const;
const SALT_BYTES = 16;

export type HashParams = { memorySize: number; iterations: number; parallelism: number; hashLength: number };

export async function hashPassword(password: string, params: HashParams = PASSWORD_HASH_PARAMS): Promise<string> {
  return argon2id({
    password: password.normalize("NFKC"),
    salt: crypto.getRandomValues(new Uint8Array(SALT_BYTES)),
    ...params,
    outputType: "encoded",
  });
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (!hash.startsWith("$argon2id$")) return false;
  try {
    return await argon2Verify({ password: password.normalize("NFKC"), hash });
  } catch {
    return false;
  }
}

/** True when a stored hash was made with weaker (or just different) parameters than today's. */
export function needsRehash(hash: string, params: HashParams = PASSWORD_HASH_PARAMS): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([^$]+)\$([^$]+)$/.exec(hash);
  if (!match) return true;
  const [, m, t, p, , digest] = match;
  const hashBytes = Math.floor((digest.length * 3) / 4);
  return (
    Number(m) !== params.memorySize ||
    Number(t) !== params.iterations ||
    Number(p) !== params.parallelism ||
    hashBytes !== params.hashLength
  );
}

/** A hash to verify against when no account exists, so both failures take the same time. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(crypto.randomUUID());
  return decoyHash;
}
