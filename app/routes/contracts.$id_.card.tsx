import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { STRIPE_JS_URL, StripeCardForm } from "~/components/contract/stripe-card-form";
import { PortalShell } from "~/components/portal/portal-shell";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { requireUser, summarizeViewer } from "~/utils/auth.server";
import { AppError, domainFrom, throwIfNotFound } from "~/utils/domain.server";
import { messageOf } from "~/utils/forms.server";
import { formatMoney } from "~/utils/money";
import { milestoneForParty } from "../../worker/domain/milestones/access";
import { cardPaymentStep } from "../../worker/domain/payments/stripe/card-payment";

export const handle = { portal: true };

export const meta: MetaFunction = () => [{ title: "Pay by card — MegiLance" }];

/** This page alone may load Stripe.js and show its card iframes. */
export const headers: HeadersFunction = () => ({
  "Content-Security-Policy": [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline' ${new URL(STRIPE_JS_URL).origin}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https://*.stripe.com",
    "connect-src 'self' https://api.stripe.com https://*.stripe.com",
    "frame-src https://js.stripe.com https://hooks.stripe.com",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; "),
});

async function cardTarget(context: LoaderFunctionArgs["context"], userId: string, contractId: string, milestoneId: string) {
  const ctx = domainFrom(context);
  if (!ctx.payments?.stripe) throw new Response("Card payments are not configured on this server.", { status: 404 });
  let access;
  try {
    access = await milestoneForParty(ctx, milestoneId, userId);
  } catch (error) {
    throwIfNotFound(error);
    throw error;
  }
  if (access.contract.id !== contractId) throw new Response("No such milestone on this contract.", { status: 404 });
  if (access.role !== "client") throw new Response("Only the client pays for milestones.", { status: 403 });
  return { ctx, access };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const url = new URL(request.url);
  const { access } = await cardTarget(context, viewer.user.id, params.id ?? "", url.searchParams.get("milestone") ?? "");
  const m = access.milestone;
  return {
    viewer: summarizeViewer(viewer),
    contractId: access.contract.id,
    milestone: { id: m.id, title: m.title, amount: m.amount, currency: m.currency, status: m.status },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const form = await request.formData();
  const contractId = params.id ?? "";
  const { ctx, access } = await cardTarget(context, viewer.user.id, contractId, String(form.get("milestoneId") ?? ""));
  try {
    const step = await cardPaymentStep(ctx, viewer.user, access.milestone.id);
    return data({ error: null, next: { clientSecret: step.clientSecret, publishableKey: step.publishableKey } });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return data({ error: messageOf(error), next: null }, { status: error.status });
  }
}

export default function PayByCard() {
  const { viewer, contractId, milestone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const amount = formatMoney(milestone.amount, milestone.currency);
  const returnUrl = typeof window === "undefined" ? "" : `${window.location.origin}/contracts/${contractId}`;
  return (
    <PortalShell title="Pay by card" viewer={viewer}>
      <div className="max-w-xl space-y-6">
        <div>
          <Link to={`/contracts/${contractId}`} className="text-sm underline">
            Back to the contract
          </Link>
          <h1 className="mt-2 text-2xl font-bold tracking-tight">Pay by card</h1>
        </div>
        <Card title={milestone.title} description={`${amount}, held by the platform until you approve the work.`}>
          {result?.error ? <Alert tone="danger">{result.error}</Alert> : null}
          {result?.next ? (
            <StripeCardForm clientSecret={result.next.clientSecret} publishableKey={result.next.publishableKey} returnUrl={returnUrl} />
          ) : milestone.status === "pending" ? (
            <Form method="post" action={`/contracts/${contractId}/card?milestone=${milestone.id}`} className="space-y-3">
              <input type="hidden" name="milestoneId" value={milestone.id} />
              <p className="text-muted text-sm">
                The card form comes from Stripe; MegiLance never sees your card number. The milestone shows as funded once Stripe confirms
                the payment.
              </p>
              <Button>Continue to pay {amount}</Button>
            </Form>
          ) : (
            <Alert tone="info">This milestone is already funded.</Alert>
          )}
        </Card>
      </div>
    </PortalShell>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
