import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import {
  getPortfolioItem,
  listPortfolio,
  portfolioProjectChoices,
  removePortfolioItem,
  reorderPortfolio,
  updatePortfolioItem,
} from "../../worker/domain/profiles/portfolio";
import { orErrorPage } from "~/components/marketplace/errors.server";
import { PortfolioForm, portfolioFormSchema } from "~/components/profile/portfolio-form";
import { RouteError } from "~/components/route-error";
import { Card } from "~/components/ui/card";
import { ConfirmationPage, usePendingConfirmation } from "~/components/ui/confirm";
import { requireRole } from "~/utils/auth.server";
import { confirmationNeeded } from "~/utils/confirm.server";
import { domainFrom } from "~/utils/domain.server";
import { replyWithAppError } from "~/utils/forms.server";
import { portfolioInputFromForm } from "~/utils/portfolio-form.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `Edit “${loaded.item.title}” — MegiLance` : "Portfolio item — MegiLance" },
];

const intentSchema = z.object({ intent: z.enum(["save", "up", "down", "delete"]) });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "freelancer");
  const ctx = domainFrom(context);
  const item = await orErrorPage(getPortfolioItem(ctx, viewer.user, params.id ?? ""));
  return { item, projects: await portfolioProjectChoices(ctx, viewer.user) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireRole(request, context, "freelancer");
  const ctx = domainFrom(context);
  const id = params.id ?? "";
  const form = await request.formData();
  const parsed = intentSchema.safeParse({ intent: form.get("intent") });
  if (!parsed.success) return data({ result: null }, { status: 400 });
  const intent = parsed.data.intent;
  switch (intent) {
    case "save": {
      const submission = parseWithZod(form, { schema: portfolioFormSchema });
      if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
      try {
        await updatePortfolioItem(ctx, viewer.user, id, await portfolioInputFromForm(context, viewer.user, form, submission.value));
        return redirect("/freelancer/profile#portfolio");
      } catch (error) {
        return replyWithAppError(submission, error);
      }
    }
    case "up":
    case "down": {
      const ids = (await orErrorPage(listPortfolio(ctx, viewer.user))).map((i) => i.id);
      const at = ids.indexOf(id);
      const to = intent === "up" ? at - 1 : at + 1;
      if (at >= 0 && to >= 0 && to < ids.length) {
        [ids[at], ids[to]] = [ids[to], ids[at]];
        await orErrorPage(reorderPortfolio(ctx, viewer.user, { ids }));
      }
      return redirect("/freelancer/profile#portfolio");
    }
    case "delete": {
      const ask = confirmationNeeded(form, ["delete"]);
      if (ask) return ask;
      await orErrorPage(removePortfolioItem(ctx, viewer.user, id));
      return redirect("/freelancer/profile#portfolio");
    }
    default:
      return intent satisfies never;
  }
}

export default function EditPortfolioItem() {
  const { item, projects } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const pending = usePendingConfirmation();
  if (pending) {
    return (
      <ConfirmationPage
        confirmation={{
          title: `Delete “${item.title}”?`,
          body: "It leaves your public profile. This cannot be undone.",
          confirmLabel: "Delete item",
          tone: "danger",
        }}
        pending={pending}
      />
    );
  }
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-muted text-sm">
          <Link to="/freelancer/profile" className="hover:underline">
            My profile
          </Link>{" "}
          / Portfolio
        </p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight break-words">Edit “{item.title}”</h1>
      </div>
      <Card>
        <PortfolioForm
          item={item}
          projects={projects}
          lastResult={answer && "result" in answer ? answer.result : null}
          submitLabel="Save item"
        />
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
