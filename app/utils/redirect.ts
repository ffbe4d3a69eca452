/** Only same-site paths: an attacker-supplied `//evil.example` or `https://...` falls back. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

/** Where a signed-in user lands by default. */
export function portalPathFor(roles: readonly string[]): string {
  if (roles.includes("admin")) return "/admin";
  return roles[0] === "freelancer" ? "/freelancer" : "/client";
}

export function formatWait(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 90 ? `${minutes} minutes` : `${Math.ceil(minutes / 60)} hours`;
}
