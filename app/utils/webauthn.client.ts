import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";

type Json = Record<string, any>;

const toBuffer = (value: string) => decodeBase64urlIgnorePadding(value) as Uint8Array<ArrayBuffer>;
const fromBuffer = (value: ArrayBuffer | null | undefined) => (value ? encodeBase64urlNoPadding(new Uint8Array(value)) : undefined);

/** The browser's own JSON parser of WebAuthn options, where it has one. */
function parsedNatively<T>(name: "parseCreationOptionsFromJSON" | "parseRequestOptionsFromJSON", json: Json): T | undefined {
  const parse = (PublicKeyCredential as unknown as Record<string, ((j: Json) => T) | undefined>)[name];
  return parse ? parse(json) : undefined;
}

/** A credential as JSON (the browser's toJSON where it has one), given how to encode its response otherwise. */
function credentialJson(credential: PublicKeyCredential, response: () => Json): Json {
  const native = (credential as unknown as { toJSON?: () => Json }).toJSON;
  if (native) return native.call(credential);
  return {
    id: credential.id,
    rawId: fromBuffer(credential.rawId),
    type: credential.type,
    response: response(),
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
  };
}

/** The JSON options from the server as the browser API wants them. */
function creationOptions(json: Json): PublicKeyCredentialCreationOptions {
  return (
    parsedNatively<PublicKeyCredentialCreationOptions>("parseCreationOptionsFromJSON", json) ??
    ({
      ...json,
      challenge: toBuffer(json.challenge),
      user: { ...json.user, id: toBuffer(json.user.id) },
      excludeCredentials: (json.excludeCredentials ?? []).map((c: Json) => ({ ...c, id: toBuffer(c.id) })),
    } as unknown as PublicKeyCredentialCreationOptions)
  );
}

function registrationJson(credential: PublicKeyCredential): Json {
  return credentialJson(credential, () => {
    const response = credential.response as AuthenticatorAttestationResponse;
    return {
      clientDataJSON: fromBuffer(response.clientDataJSON),
      attestationObject: fromBuffer(response.attestationObject),
      transports: response.getTransports?.() ?? [],
    };
  });
}

export function passkeysSupported(): boolean {
  return typeof window !== "undefined" && typeof window.PublicKeyCredential === "function" && Boolean(navigator.credentials);
}

/** Asks the authenticator for a new credential; null when the person cancelled. */
export async function createPasskey(optionsJson: unknown): Promise<Json | null> {
  try {
    const credential = await navigator.credentials.create({ publicKey: creationOptions(optionsJson as Json) });
    return credential ? registrationJson(credential as PublicKeyCredential) : null;
  } catch (error) {
    if (error instanceof DOMException && (error.name === "NotAllowedError" || error.name === "AbortError")) return null;
    throw error;
  }
}

/** Sign-in options from the server as the browser API wants them. */
function requestOptions(json: Json): PublicKeyCredentialRequestOptions {
  return (
    parsedNatively<PublicKeyCredentialRequestOptions>("parseRequestOptionsFromJSON", json) ??
    ({
      ...json,
      challenge: toBuffer(json.challenge),
      allowCredentials: (json.allowCredentials ?? []).map((c: Json) => ({ ...c, id: toBuffer(c.id) })),
    } as unknown as PublicKeyCredentialRequestOptions)
  );
}

function authenticationJson(credential: PublicKeyCredential): Json {
  return credentialJson(credential, () => {
    const response = credential.response as AuthenticatorAssertionResponse;
    return {
      clientDataJSON: fromBuffer(response.clientDataJSON),
      authenticatorData: fromBuffer(response.authenticatorData),
      signature: fromBuffer(response.signature),
      userHandle: fromBuffer(response.userHandle),
    };
  });
}

/** Whether the browser offers passkeys in the autofill list of a `webauthn` field (conditional mediation). */
export async function passkeyAutofillAvailable(): Promise<boolean> {
  if (!passkeysSupported()) return false;
  const check = (PublicKeyCredential as unknown as { isConditionalMediationAvailable?: () => Promise<boolean> })
    .isConditionalMediationAvailable;
  return check ? check.call(PublicKeyCredential).catch(() => false) : false;
}

/**
 * Asks for a passkey to sign in with: in a dialog, or, with `autofill`, among the suggestions of the
 * email field. Null when the person cancelled or the request was aborted.
 */
export async function getPasskey(optionsJson: unknown, { autofill = false, signal }: { autofill?: boolean; signal?: AbortSignal } = {}) {
  try {
    const credential = await navigator.credentials.get({
      publicKey: requestOptions(optionsJson as Json),
      ...(autofill ? { mediation: "conditional" as CredentialMediationRequirement } : {}),
      signal,
    });
    return credential ? authenticationJson(credential as PublicKeyCredential) : null;
  } catch (error) {
    if (error instanceof DOMException && (error.name === "NotAllowedError" || error.name === "AbortError")) return null;
    if (signal?.aborted) return null;
    throw error;
  }
}
