import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { z } from "zod";
import { inviteFreelancer } from "../../worker/domain/projects/projects";
import { AppError } from "../../worker/domain/errors";
import { requireUser } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";

const inviteSchema = z.object({ freelancerId: z.string().min(1).max(64) });

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/projects/${params.id ?? ""}#matches`);
}

/** "Invite to apply" from the matches on a project page: the owner invites, the freelancer is notified. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const projectId = params.id ?? "";
  const parsed = inviteSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "Choose a freelancer to invite." }, { status: 400 });
  try {
    await inviteFreelancer(domainFrom(context), viewer.user, projectId, parsed.data.freelancerId);
  } catch (error) {
    if (error instanceof AppError) return data({ error: error.message }, { status: error.status });
    throw error;
  }
  return redirect(`/projects/${projectId}#matches`);
}
