import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { useActionData, useLoaderData } from "@remix-run/react";
import { postProject } from "../../worker/domain/projects/projects";
import { listCategories } from "../../worker/domain/taxonomy/taxonomy";
import { ProjectForm } from "~/components/marketplace/project-form";
import { PriceEstimate } from "~/components/matching/price-estimate";
import { projectFormSchema, toProjectInput } from "~/components/marketplace/project-form-schema";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Card } from "~/components/ui/card";
import { requireRole } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";
import { replyWithAppError } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Post a project — MegiLance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "client");
  const categories = await listCategories(domainFrom(context));
  return { verified: Boolean(viewer.user.emailVerifiedAt), categories: categories.map((c) => ({ slug: c.slug, name: c.name })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireRole(request, context, "client");
  const submission = parseWithZod(await request.formData(), { schema: projectFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const project = await postProject(domainFrom(context), viewer.user, toProjectInput(submission.value));
    return redirect(`/projects/${project.id}`);
  } catch (error) {
    return replyWithAppError(submission, error);
  }
}

export default function PostProject() {
  const { verified, categories } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Post a project</h1>
        <p className="text-muted mt-1">Describe the work; freelancers with matching skills will find it and send proposals.</p>
      </div>
      {verified ? (
        <>
          <Card>
            <ProjectForm id="post-project" categories={categories} lastResult={answer?.result} submitLabel="Post project" />
          </Card>
          <PriceEstimate formId="post-project" />
        </>
      ) : (
        <Alert tone="warning" title="Confirm your email address first">
          Projects can only be posted from a confirmed address. Use the link we emailed you, or send a new one from the banner above.
        </Alert>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
