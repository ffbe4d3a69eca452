import type { CallsConfig } from "../domain/context";
import type { Vars } from "../env";

/** Calls credentials when both the app id and its secret are set. */
export function callsConfig(vars: Vars): CallsConfig | undefined {
  if (!vars.CALLS_APP_ID || !vars.CALLS_APP_SECRET) return undefined;
  return { appId: vars.CALLS_APP_ID, appSecret: vars.CALLS_APP_SECRET, apiBase: vars.CALLS_API_BASE.replace(/\/+$/, "") };
}
