import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { addPortfolioItem, portfolioProjectChoices } from "../../worker/domain/profiles/portfolio";
import { PortfolioForm, portfolioFormSchema } from "~/components/profile/portfolio-form";
import { RouteError } from "~/components/route-error";
import { Card } from "~/components/ui/card";
import { requireRole } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";
import { replyWithAppError } from "~/utils/forms.server";
import { portfolioInputFromForm } from "~/utils/portfolio-form.server";

export const meta: MetaFunction = () => [{ title: "Add a portfolio item — MegiLance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "freelancer");
  return { projects: await portfolioProjectChoices(domainFrom(context), viewer.user) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireRole(request, context, "freelancer");
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: portfolioFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const input = await portfolioInputFromForm(context, viewer.user, form, submission.value);
    await addPortfolioItem(domainFrom(context), viewer.user, input);
    return redirect("/freelancer/profile#portfolio");
  } catch (error) {
    return replyWithAppError(submission, error);
  }
}

export default function NewPortfolioItem() {
  const { projects } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-muted text-sm">
          <Link to="/freelancer/profile" className="hover:underline">
            My profile
          </Link>{" "}
          / Portfolio
        </p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">Add a portfolio item</h1>
      </div>
      <Card>
        <PortfolioForm item={null} projects={projects} lastResult={answer?.result} submitLabel="Add to portfolio" />
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
