type WebAuthn = typeof import("@simplewebauthn/server") & typeof import("@simplewebauthn/server/helpers");

let library: Promise<WebAuthn> | undefined;

/**
 * The WebAuthn library, loaded when first used: its attestation checks (certificates, ASN.1) are a large part of
 * the Worker, and only passkey requests need them.
 */
export function webauthn(): Promise<WebAuthn> {
  return (library ??= Promise.all([import("@simplewebauthn/server"), import("@simplewebauthn/server/helpers")]).then(
    ([server, helpers]) => ({ ...server, ...helpers }),
  ));
}
