import { createCookie } from "@remix-run/cloudflare";

export type Theme = "light" | "dark";

const ONE_YEAR_S = 60 * 60 * 24 * 365;
export const themeCookie = createCookie("theme", { path: "/", sameSite: "lax", httpOnly: false, maxAge: ONE_YEAR_S });

export async function readTheme(request: Request): Promise<Theme | null> {
  const value = await themeCookie.parse(request.headers.get("Cookie"));
  return value === "dark" || value === "light" ? value : null;
}
