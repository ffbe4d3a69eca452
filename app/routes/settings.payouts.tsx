import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { requireUser } from "~/utils/auth.server";
import { AppError, domainFrom } from "~/utils/domain.server";
import { messageOf } from "~/utils/forms.server";
import { connectStatus, startConnectOnboarding } from "../../worker/domain/payments/stripe/connect";

export const meta: MetaFunction = () => [{ title: "Payouts — MegiLance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const freelancer = viewer.user.roles.includes("freelancer");
  return { freelancer, status: freelancer ? await connectStatus(domainFrom(context), viewer.user.id) : null };
}

/** Answers a fresh onboarding link; the page shows it as a link (leaving for Stripe is a navigation, not a form post). */
export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  try {
    const { url } = await startConnectOnboarding(domainFrom(context), viewer.user);
    return { url, error: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return data({ url: null, error: messageOf(error) }, { status: error.status });
  }
}

export default function PayoutSettings() {
  const { freelancer, status } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Payouts</h1>
      {!freelancer || !status ? (
        <Alert tone="info">Payouts are for freelancers: clients pay for milestones from the contract page.</Alert>
      ) : !status.available ? (
        <Card title="Card payments are off">
          <p className="text-muted text-sm">
            This server has no Stripe account configured, so contracts are paid with the sandbox (test money) and nothing needs connecting.
          </p>
        </Card>
      ) : (
        <Card
          title="Stripe account"
          description="When a client pays by card, your share of each approved milestone is transferred to your Stripe account, and Stripe pays it out to your bank."
          actions={
            <Badge tone={status.payoutsEnabled ? "success" : status.connected ? "warning" : "neutral"}>
              {status.payoutsEnabled ? "Payouts enabled" : status.connected ? "Setup not finished" : "Not connected"}
            </Badge>
          }
        >
          {answer?.error ? <Alert tone="danger">{answer.error}</Alert> : null}
          {answer?.url ? (
            <div className="space-y-3">
              <p className="text-sm">Your Stripe onboarding link is ready. It works once and expires in a few minutes.</p>
              <a href={answer.url} className={buttonClass("primary")}>
                Continue to Stripe
              </a>
            </div>
          ) : status.payoutsEnabled ? (
            <p className="text-sm">Card-funded milestones are transferred to your Stripe account when they are approved.</p>
          ) : (
            <Form method="post" className="space-y-3">
              <p className="text-muted text-sm">
                {status.connected
                  ? "Stripe still needs some details before it can pay you. Approved card payments wait in your balance until then."
                  : "Connect a Stripe account to receive money from clients who pay by card."}
              </p>
              <Button>{status.connected ? "Finish Stripe setup" : "Connect with Stripe"}</Button>
            </Form>
          )}
        </Card>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
