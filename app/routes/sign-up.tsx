import type { MetaFunction } from "@remix-run/cloudflare";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Create your account — MegiLance" }];

export default function SignUp() {
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-3xl font-bold">Create your account</h1>
      <p className="text-muted mt-3">
        Already have one?{" "}
        <Link to="/sign-in" className="font-medium text-brand-600 underline dark:text-brand-100">
          Sign in
        </Link>
        .
      </p>
    </main>
  );
}
