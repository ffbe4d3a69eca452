import type { MetaFunction } from "@remix-run/cloudflare";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Sign in — MegiLance" }];

export default function SignIn() {
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-3xl font-bold">Sign in</h1>
      <p className="text-muted mt-3">
        New to MegiLance?{" "}
        <Link to="/sign-up" className="font-medium text-brand-600 underline dark:text-brand-100">
          Create an account
        </Link>
        .
      </p>
    </main>
  );
}
