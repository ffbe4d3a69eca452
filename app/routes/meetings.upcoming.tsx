import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";
import { upcomingMeetings } from "~/utils/meetings.server";

/** The dashboards' meetings card loads from here after the page, so the dashboards keep their round-trip budget. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  return { me: viewer.user.id, meetings: await upcomingMeetings(domainFrom(context), viewer.user.id) };
}

/**
 * The card loads once per dashboard visit. It is not loaded again after an action elsewhere on the page: after
 * "Sign out" it would find no session, and a fetcher that gets a redirect moves the whole page to the sign-in form.
 */
export const shouldRevalidate: ShouldRevalidateFunction = () => false;
