import { buttonClass } from "./ui/button";
import { inputClass } from "./ui/field";

export type OAuthProviderOption = { id: string; label: string };

/** The "or" between ways of signing in. */
export function OrDivider() {
  return (
    <p className="text-muted flex items-center gap-3 text-sm before:h-px before:flex-1 before:bg-[var(--border)] after:h-px after:flex-1 after:bg-[var(--border)]">
      or
    </p>
  );
}

/**
 * Full page loads to the OAuth start endpoint (it redirects to the provider). On sign-up a small GET
 * form carries the chosen role along, so it works without JavaScript.
 */
export function OAuthButtons({
  providers,
  redirectTo,
  chooseRole = false,
  divider = true,
}: {
  providers: OAuthProviderOption[];
  redirectTo?: string | null;
  chooseRole?: boolean;
  /** Off when another way of signing in above already drew the "or". */
  divider?: boolean;
}) {
  if (providers.length === 0) return null;
  if (chooseRole) {
    return (
      <div className="mt-8">
        <OrDivider />
        <form method="get" className="mt-4 grid gap-2">
          <input type="hidden" name="mode" value="web" />
          {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
          <label htmlFor="oauth-role" className="text-sm font-medium">
            Join with another account as
          </label>
          <select id="oauth-role" name="role" defaultValue="client" className={inputClass}>
            <option value="client">a client (hire)</option>
            <option value="freelancer">a freelancer (work)</option>
          </select>
          {providers.map((provider) => (
            <button
              key={provider.id}
              type="submit"
              formAction={`/api/auth/oauth/${provider.id}/start`}
              className={buttonClass("secondary", "md", "w-full")}
            >
              Continue with {provider.label}
            </button>
          ))}
        </form>
      </div>
    );
  }
  const query = new URLSearchParams({ mode: "web" });
  if (redirectTo) query.set("redirectTo", redirectTo);
  return (
    <div className={divider ? "mt-8" : "mt-2"}>
      {divider ? <OrDivider /> : null}
      <ul className={divider ? "mt-4 grid gap-2" : "grid gap-2"}>
        {providers.map((provider) => (
          <li key={provider.id}>
            <a href={`/api/auth/oauth/${provider.id}/start?${query}`} className={buttonClass("secondary", "md", "w-full")}>
              Continue with {provider.label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
