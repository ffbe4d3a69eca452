import { redirect, type ActionFunctionArgs } from "@remix-run/cloudflare";
import { z } from "zod";
import { openConversationFrom } from "~/utils/messaging.server";
import { orErrorPage } from "~/components/marketplace/errors.server";
import { RouteError } from "~/components/route-error";
import { requireUser } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";

const id = z.string().trim().min(1).max(64).optional();
/** The "Message" buttons' fields (MessageButton); projectId comes from the profile's project choice. */
const startSchema = z.object({ proposalId: id, contractId: id, participantId: id, projectId: z.string().trim().max(64).optional() });

/** Nothing to show here: the buttons post, and a visit lands on the inbox. */
export async function loader() {
  return redirect("/messages");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const parsed = startSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Choose whom to write to.", { status: 400 });
  const { conversation } = await orErrorPage(openConversationFrom(domainFrom(context), viewer.user, parsed.data));
  return redirect(`/messages/${conversation.id}`);
}

export function ErrorBoundary() {
  return <RouteError />;
}
