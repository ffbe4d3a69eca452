import { redirect, type LoaderFunctionArgs } from "@remix-run/cloudflare";

/** Notification links point here; the ranked proposals live on the project page for its owner. */
export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/projects/${encodeURIComponent(params.id ?? "")}#proposals`);
}
