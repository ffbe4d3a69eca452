import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";

/** Compact HMAC-SHA256 signed JSON (`<payload>.<signature>`, base64url) for short-lived tokens. */
async function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
}

export async function signPayload(secret: string, payload: Record<string, unknown>): Promise<string> {
  const body = encodeBase64urlNoPadding(new TextEncoder().encode(JSON.stringify(payload)));
  const signature = await crypto.subtle.sign("HMAC", await hmacKey(secret), new TextEncoder().encode(body));
  return `${body}.${encodeBase64urlNoPadding(new Uint8Array(signature))}`;
}

/** The payload when the signature is ours and `exp` (ms) has not passed; otherwise null. */
export async function verifyPayload<T extends { exp: number }>(secret: string, token: string, nowMs: number): Promise<T | null> {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return null;
  try {
    const ok = await crypto.subtle.verify(
      "HMAC",
      await hmacKey(secret),
      new Uint8Array(decodeBase64urlIgnorePadding(signature)),
      new TextEncoder().encode(body),
    );
    if (!ok) return null;
    const payload = JSON.parse(new TextDecoder().decode(decodeBase64urlIgnorePadding(body))) as T;
    return typeof payload.exp === "number" && payload.exp > nowMs ? payload : null;
  } catch {
    return null;
  }
}
