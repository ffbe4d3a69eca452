import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { listActiveSessions, listPasskeys, listSecurityEvents, mfaMethods } from "~/utils/accounts.server";
import { requireUser } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";
import { runSecurityIntent } from "./actions.server";
import { EventsCard } from "./events-card";
import { PasskeysCard } from "./passkeys-card";
import { PasswordCard } from "./password-card";
import { ReauthForm } from "./reauth-form";
import { securitySchema, type SecurityActionData } from "./schemas";
import { SessionsCard } from "./sessions-card";
import { TwoFactorCard } from "./two-factor-card";

export const meta: MetaFunction = () => [{ title: "Security settings — MegiLance" }];

const EVENTS_PER_PAGE = 10;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const ctx = domainFrom(context);
  const cursor = new URL(request.url).searchParams.get("cursor")?.slice(0, 64) || undefined;
  const [methods, sessions, events, passkeys] = await Promise.all([
    mfaMethods(ctx, viewer.user.id),
    listActiveSessions(ctx, viewer.user.id),
    listSecurityEvents(ctx, viewer.user.id, { limit: EVENTS_PER_PAGE, cursor }),
    listPasskeys(ctx, viewer),
  ]);
  return {
    hasPassword: Boolean(viewer.user.passwordHash),
    methods,
    sessions: sessions.map((s) => ({
      id: s.id,
      current: s.id === viewer.session.id,
      kind: s.kind,
      userAgent: s.userAgent,
      ip: s.ip,
      country: s.country,
      lastSeenAt: s.lastSeenAt.toISOString(),
      createdAt: s.createdAt.toISOString(),
    })),
    events: events.items.map((e) => ({
      id: e.id,
      type: e.type,
      at: e.createdAt.toISOString(),
      ip: e.ip,
      userAgent: e.userAgent,
      detail: typeof e.data?.method === "string" ? e.data.method : typeof e.data?.reason === "string" ? e.data.reason : null,
    })),
    nextCursor: events.nextCursor,
    isFirstPage: !cursor,
    passkeys: passkeys.map((p) => ({
      id: p.id,
      name: p.name,
      createdAt: p.createdAt.toISOString(),
      lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const submission = parseWithZod(await request.formData(), { schema: securitySchema });
  return runSecurityIntent(request, context, viewer, submission);
}

export default function SecuritySettings() {
  const { hasPassword, methods, sessions, events, nextCursor, isFirstPage, passkeys } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as SecurityActionData | undefined;
  const reauth = answer?.code === "reauthentication_required" || (answer?.intent === "reauthenticate" && Boolean(answer.code));
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Security settings</h1>
        <p className="text-muted mt-1">Your password, second factors, signed-in devices and recent account activity.</p>
      </div>
      {reauth ? <ReauthForm needsCode={methods.totp} answer={answer} /> : null}
      {answer?.intent === "reauthenticate" && answer.notice ? <Alert tone="success">{answer.notice}</Alert> : null}
      <PasswordCard hasPassword={hasPassword} answer={answer?.intent === "change-password" ? answer : undefined} />
      <TwoFactorCard enabled={methods.totp} backupCodesLeft={methods.backupCodesLeft} answer={answer} />
      <PasskeysCard passkeys={passkeys} needsCode={methods.totp} answer={answer} />
      <SessionsCard sessions={sessions} answer={answer} />
      <EventsCard events={events} nextCursor={nextCursor} isFirstPage={isFirstPage} />
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
