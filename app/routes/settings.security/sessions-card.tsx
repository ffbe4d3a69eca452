import { Form } from "@remix-run/react";
import { Alert, FormErrors } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { LocalTime } from "~/components/ui/local-time";
import { describeDevice } from "./device";
import type { SecurityActionData } from "./schemas";

export type SessionRow = {
  id: string;
  current: boolean;
  kind: string;
  userAgent: string | null;
  ip: string | null;
  country: string | null;
  lastSeenAt: string;
  createdAt: string;
};

export function SessionsCard({ sessions, answer }: { sessions: SessionRow[]; answer?: SecurityActionData }) {
  const mine = answer?.intent === "session-revoke" ? answer : undefined;
  return (
    <Card title="Where you are signed in" description="Sign out any device you do not recognise, then change your password.">
      {mine?.notice ? (
        <Alert tone="success" className="mb-3">
          {mine.notice}
        </Alert>
      ) : null}
      {mine?.code ? <FormErrors errors={mine.result.error?.[""]} /> : null}
      <ul className="divide-y divide-[var(--border)]">
        {sessions.map((session) => {
          const device = describeDevice(session.userAgent);
          return (
            <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div>
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {device}
                  {session.kind === "api" ? <Badge>App</Badge> : null}
                  {session.current ? <Badge tone="brand">This device</Badge> : null}
                </p>
                <p className="text-muted text-sm">
                  {[session.ip, session.country].filter(Boolean).join(", ") || "Unknown network"} · last active{" "}
                  <LocalTime value={session.lastSeenAt} />
                </p>
              </div>
              {session.current ? null : (
                <Form method="post">
                  <input type="hidden" name="sessionId" value={session.id} />
                  <Button
                    type="submit"
                    name="intent"
                    value="session-revoke"
                    variant="secondary"
                    size="sm"
                    aria-label={`Sign out ${device}`}
                  >
                    Sign out
                  </Button>
                </Form>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
