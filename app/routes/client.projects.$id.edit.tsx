import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireOwnProject } from "../../worker/domain/projects/access";
import { closeProject, reopenProject, updateProject } from "../../worker/domain/projects/projects";
import { loadProjectView } from "../../worker/domain/projects/views";
import { listCategories } from "../../worker/domain/taxonomy/taxonomy";
import { orErrorPage } from "~/components/marketplace/errors.server";
import { ProjectForm } from "~/components/marketplace/project-form";
import { ProjectLifecycleCard } from "~/components/marketplace/project-lifecycle";
import { projectFormSchema, toProjectInput } from "~/components/marketplace/project-form-schema";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Card } from "~/components/ui/card";
import { requireRole } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";
import { replyWithAppError } from "~/utils/forms.server";
import { toMajorText } from "~/utils/money";

export const meta: MetaFunction = () => [{ title: "Edit project — MegiLance" }];

const editSchema = z.discriminatedUnion("intent", [
  projectFormSchema.extend({ intent: z.literal("save") }),
  z.object({ intent: z.literal("close") }),
  z.object({ intent: z.literal("reopen") }),
]);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "client");
  const ctx = domainFrom(context);
  const owned = await orErrorPage(requireOwnProject(ctx, params.id ?? "", viewer.user));
  const [project, categories] = await Promise.all([loadProjectView(ctx, owned.id), listCategories(ctx)]);
  return { project, categories: categories.map((c) => ({ slug: c.slug, name: c.name })) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireRole(request, context, "client");
  const ctx = domainFrom(context);
  const submission = parseWithZod(await request.formData(), { schema: editSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), notice: null }, { status: 400 });
  const id = params.id ?? "";
  try {
    switch (submission.value.intent) {
      case "save": {
        const { intent: _intent, ...form } = submission.value;
        await updateProject(ctx, viewer.user, id, toProjectInput(form));
        return redirect(`/projects/${id}`);
      }
      case "close":
        await closeProject(ctx, viewer.user, id);
        return { result: submission.reply(), notice: "The project is closed; it takes no more proposals." };
      case "reopen":
        await reopenProject(ctx, viewer.user, id);
        return { result: submission.reply(), notice: "The project is open again: it takes proposals and you can hire more people." };
      default:
        return submission.value satisfies never;
    }
  } catch (error) {
    return replyWithAppError(submission, error);
  }
}

export default function EditProject() {
  const { project, categories } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const notice = answer && "notice" in answer ? answer.notice : null;
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Edit project</h1>
        <p className="text-muted mt-1">
          <Link to={`/projects/${project.id}`} className="underline">
            {project.title}
          </Link>
        </p>
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <ProjectLifecycleCard status={project.status} />
      <Card title="Details">
        <ProjectForm
          id="edit-project"
          categories={categories}
          intent="save"
          lastResult={answer?.result}
          submitLabel="Save changes"
          defaultValue={{
            title: project.title,
            description: project.description,
            category: project.category,
            skills: project.skills.map((s) => s.name).join(", "),
            budgetType: project.budgetType,
            budgetMin: toMajorText(project.budgetMin, project.currency),
            budgetMax: toMajorText(project.budgetMax, project.currency),
            currency: project.currency,
            experienceLevel: project.experienceLevel,
            visibility: project.visibility,
          }}
        />
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
