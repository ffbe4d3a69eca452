import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const toBuffer = (value: string) => decodeBase64urlIgnorePadding(value) as Uint8Array<ArrayBuffer>;
const fromBuffer = (value: ArrayBuffer | null | undefined) => (value ? encodeBase64urlNoPadding(new Uint8Array(value)) : undefined);

/** The JSON options from the server as the browser API wants them (native parser when present). */
function creationOptions(json: Json): PublicKeyCredentialCreationOptions {
  const native = (PublicKeyCredential as unknown as { parseCreationOptionsFromJSON?: (j: Json) => PublicKeyCredentialCreationOptions })
    .parseCreationOptionsFromJSON;
  if (native) return native(json);
  return {
    ...json,
    challenge: toBuffer(json.challenge),
    user: { ...json.user, id: toBuffer(json.user.id) },
    excludeCredentials: (json.excludeCredentials ?? []).map((c: Json) => ({ ...c, id: toBuffer(c.id) })),
  } as unknown as PublicKeyCredentialCreationOptions;
}

function registrationJson(credential: PublicKeyCredential): Json {
  const native = (credential as unknown as { toJSON?: () => Json }).toJSON;
  if (native) return native.call(credential);
  const response = credential.response as AuthenticatorAttestationResponse;
  return {
    id: credential.id,
    rawId: fromBuffer(credential.rawId),
    type: credential.type,
    response: {
      clientDataJSON: fromBuffer(response.clientDataJSON),
      attestationObject: fromBuffer(response.attestationObject),
      transports: response.getTransports?.() ?? [],
    },
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
  };
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
