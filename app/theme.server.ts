export type Theme = "light" | "dark";

const ONE_YEAR_S = 60 * 60 * 24 * 365;

/** A plain cookie (not signed or encoded) because the pre-paint script in root.tsx reads it too. */
export function serializeThemeCookie(theme: Theme): string {
  return `theme=${theme}; Path=/; Max-Age=${ONE_YEAR_S}; SameSite=Lax`;
}

export function readTheme(request: Request): Theme | null {
  const match = /(?:^|;\s*)theme=(light|dark)(?:;|$)/.exec(request.headers.get("Cookie") ?? "");
  return match ? (match[1] as Theme) : null;
}
