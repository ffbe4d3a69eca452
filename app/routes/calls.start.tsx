import { redirect, type ActionFunctionArgs } from "@remix-run/cloudflare";
import { requireUser } from "~/utils/auth.server";
import { liveCallFor, startCall, startCallInput } from "~/utils/calls.server";
import { AppError, domainFrom } from "~/utils/domain.server";

/** "Start call" on a conversation or a contract posts here; the caller lands on the call page. */
export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const ctx = domainFrom(context);
  const form = await request.formData();
  const parsed = startCallInput.safeParse({
    conversationId: form.get("conversationId") || undefined,
    contractId: form.get("contractId") || undefined,
  });
  if (!parsed.success) throw new Response("Start a call from a conversation or a contract.", { status: 422 });
  try {
    const call = await startCall(ctx, viewer, parsed.data);
    return redirect(`/calls/${call.id}`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "call_in_progress") {
      const live = await liveCallFor(ctx, viewer, parsed.data);
      if (live) return redirect(`/calls/${live.id}`);
    }
    throw new Response(error.message, { status: error.status });
  }
}

export function loader() {
  return redirect("/messages");
}
