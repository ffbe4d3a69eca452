import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, PASSWORD_HASH_PARAMS, verifyPassword } from "./password";

describe("password hashing (Argon2id)", () => {
  it("hashes with OWASP parameters into a versioned PHC string with a random salt", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[^$]+\$[^$]+$/);
    expect(a).not.toBe(b);
    expect(PASSWORD_HASH_PARAMS.memorySize).toBeGreaterThanOrEqual(19_456);
    expect(PASSWORD_HASH_PARAMS.iterations).toBeGreaterThanOrEqual(2);
  });

  it("verifies the right password and refuses a wrong one or a foreign format", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapl", hash)).toBe(false);
    expect(await verifyPassword("anything", "$2b$10$abcdefghijklmnopqrstuv")).toBe(false);
  });

  it("asks for a rehash when the stored parameters differ from today's, and not otherwise", async () => {
    const weak = await hashPassword("correct horse battery staple", { memorySize: 8_192, iterations: 1, parallelism: 1, hashLength: 32 });
    expect(await verifyPassword("correct horse battery staple", weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    const current = await hashPassword("correct horse battery staple");
    expect(needsRehash(current)).toBe(false);
    expect(needsRehash(current, { ...PASSWORD_HASH_PARAMS, iterations: 3 })).toBe(true);
    expect(needsRehash("garbage")).toBe(true);
  });
});
