import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { LinkedText } from "~/components/admin/linked-text";
import { RouteError } from "~/components/route-error";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { LocalTime } from "~/components/ui/local-time";
import { getOutboxMail } from "~/utils/accounts.server";
import { requireRole } from "~/utils/auth.server";
import { AppError, domainFrom } from "~/utils/domain.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.subject ?? "Mail"} — MegiLance admin` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  try {
    const mail = await getOutboxMail(domainFrom(context), viewer, String(params.id).slice(0, 64));
    return {
      subject: mail.subject,
      toAddress: mail.toAddress,
      template: mail.template,
      provider: mail.provider,
      textBody: mail.textBody,
      createdAt: mail.createdAt.toISOString(),
    };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw new Response(error.message, { status: 404 });
    throw error;
  }
}

export default function MailDetail() {
  const mail = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl space-y-6">
      <Link to="/admin/mail" className="text-sm font-medium text-brand-600 underline dark:text-brand-100">
        Back to the outbox
      </Link>
      <h1 className="text-2xl font-bold tracking-tight">{mail.subject}</h1>
      <Card>
        <dl className="grid gap-2 text-sm sm:grid-cols-[8rem_1fr]">
          <dt className="text-muted">To</dt>
          <dd>{mail.toAddress}</dd>
          <dt className="text-muted">Sent</dt>
          <dd>
            <LocalTime value={mail.createdAt} />
          </dd>
          <dt className="text-muted">Template</dt>
          <dd>
            <Badge>{mail.template}</Badge> <span className="text-muted">via {mail.provider}</span>
          </dd>
        </dl>
      </Card>
      <Card title="Text body">
        <p className="whitespace-pre-wrap break-words text-sm">
          <LinkedText text={mail.textBody} />
        </p>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
