import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import { requireUser } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";
import { upcomingMeetings } from "~/utils/meetings.server";

/** The dashboards' meetings card loads from here after the page, so the dashboards keep their round-trip budget. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  return { me: viewer.user.id, meetings: await upcomingMeetings(domainFrom(context), viewer.user.id) };
}
