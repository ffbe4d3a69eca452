import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { Alert, FormErrors } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Field } from "~/components/ui/field";
import { LocalTime } from "~/components/ui/local-time";
import { createPasskey, passkeysSupported } from "~/utils/webauthn.client";
import { ReauthForm } from "./reauth-form";
import type { SecurityActionData } from "./schemas";

export type PasskeyRow = { id: string; name: string; createdAt: string; lastUsedAt: string | null };

/** Passkeys: the list and removal work as plain forms; adding one needs the browser's WebAuthn API. */
export function PasskeysCard({ passkeys, needsCode, answer }: { passkeys: PasskeyRow[]; needsCode: boolean; answer?: SecurityActionData }) {
  const mine = answer?.intent === "passkey-remove" ? answer : undefined;
  return (
    <Card title="Passkeys" description="Sign in with your fingerprint, face or device PIN instead of a password and code.">
      <div className="space-y-4">
        {mine?.notice ? <Alert tone="success">{mine.notice}</Alert> : null}
        {mine?.code ? <FormErrors errors={mine.result.error?.[""]} /> : null}
        {passkeys.length === 0 ? (
          <EmptyState title="No passkeys yet" />
        ) : (
          <ul className="divide-y divide-[var(--border)]">
            {passkeys.map((passkey) => (
              <li key={passkey.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-medium">{passkey.name}</p>
                  <p className="text-muted text-sm">
                    Added <LocalTime value={passkey.createdAt} />
                    {passkey.lastUsedAt ? (
                      <>
                        {" · last used "}
                        <LocalTime value={passkey.lastUsedAt} />
                      </>
                    ) : null}
                  </p>
                </div>
                <Form method="post">
                  <input type="hidden" name="passkeyId" value={passkey.id} />
                  <Button
                    type="submit"
                    name="intent"
                    value="passkey-remove"
                    variant="secondary"
                    size="sm"
                    aria-label={`Remove passkey ${passkey.name}`}
                  >
                    Remove
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <AddPasskey needsCode={needsCode} reauthenticated={answer?.intent === "reauthenticate" && !answer.code} showAdded={!mine} />
      </div>
    </Card>
  );
}

function AddPasskey({ needsCode, reauthenticated, showAdded }: { needsCode: boolean; reauthenticated: boolean; showAdded: boolean }) {
  const begin = useFetcher<SecurityActionData>();
  const finish = useFetcher<SecurityActionData>();
  const [supported, setSupported] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const nameRef = useRef("");
  useEffect(() => setSupported(passkeysSupported()), []);

  useEffect(() => {
    const options = begin.data?.passkeyOptions;
    if (begin.state !== "idle" || !options) return;
    let cancelled = false;
    createPasskey(options)
      .then((response) => {
        if (cancelled) return;
        if (!response) return setProblem("Adding the passkey was cancelled.");
        finish.submit({ intent: "passkey-finish", name: nameRef.current, response: JSON.stringify(response) }, { method: "post" });
      })
      .catch((error: unknown) => setProblem(error instanceof Error ? error.message : "Your browser could not create a passkey."));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [begin.data, begin.state]);

  if (!supported)
    return <p className="text-muted text-sm">Adding a passkey needs a browser with passkey support and JavaScript turned on.</p>;
  const needsReauth = begin.data?.code === "reauthentication_required";
  if (begin.state === "idle" && needsReauth && !reauthenticated) return <ReauthForm needsCode={needsCode} />;
  const answers = needsReauth ? [finish.data] : [begin.data, finish.data];
  const errors = answers.flatMap((answer) => (answer?.code ? (answer.result.error?.[""] ?? []) : []));
  return (
    <begin.Form
      method="post"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        setProblem(null);
        nameRef.current = String(new FormData(event.currentTarget).get("name") ?? "");
      }}
    >
      <div className="w-full space-y-2">
        {showAdded && finish.data?.notice ? <Alert tone="success">{finish.data.notice}</Alert> : null}
        <FormErrors errors={problem ? [...errors, problem] : errors} />
      </div>
      <Field
        className="min-w-56 flex-1"
        label="Passkey name"
        hint="So you can tell your devices apart, e.g. “Work laptop”."
        inputProps={{ id: "passkey-name", name: "name", type: "text", maxLength: 64, required: true }}
      />
      <Button type="submit" name="intent" value="passkey-begin" disabled={begin.state !== "idle" || finish.state !== "idle"}>
        Add a passkey
      </Button>
    </begin.Form>
  );
}
