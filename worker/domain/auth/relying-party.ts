/**
 * Passkeys are bound to a relying-party ID: the host name of the app's origin. WebAuthn refuses IP
 * addresses there ("This is an invalid domain"), and it only runs in a secure context, which plain
 * http gives to `localhost` alone.
 */
export const RP_NAME = "MegiLance";

/** A host name that is an IPv4 or IPv6 address (URL host names keep IPv6 in brackets). */
function isIpAddress(hostname: string): boolean {
  if (hostname.startsWith("[") && hostname.endsWith("]")) return true;
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname);
}

/** Why passkeys cannot work on this origin, or null when they can. */
export function relyingPartyProblem(appOrigin: string): string | null {
  let url: URL;
  try {
    url = new URL(appOrigin);
  } catch {
    return `APP_ORIGIN "${appOrigin}" is not a URL.`;
  }
  if (isIpAddress(url.hostname)) {
    const suggestion = `${url.protocol}//localhost${url.port ? `:${url.port}` : ""}`;
    return (
      `APP_ORIGIN "${url.origin}" names an IP address, and browsers refuse an IP address as the passkey ` +
      `relying-party ID. Use a host name instead, e.g. ${suggestion} on this machine.`
    );
  }
  return null;
}

/** The relying party of an origin whose host name can carry passkeys. */
export function relyingPartyFor(appOrigin: string): { rpID: string; origin: string; rpName: string } {
  const problem = relyingPartyProblem(appOrigin);
  if (problem) throw new Error(problem);
  const url = new URL(appOrigin);
  return { rpID: url.hostname, origin: url.origin, rpName: RP_NAME };
}
