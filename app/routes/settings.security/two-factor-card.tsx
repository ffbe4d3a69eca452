import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { Alert, FormErrors } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { securitySchema, type SecurityActionData, type TotpSetup } from "./schemas";

const TOTP_INTENTS = ["totp-begin", "totp-confirm", "totp-disable", "backup-codes"];

export function TwoFactorCard({
  enabled,
  backupCodesLeft,
  answer,
}: {
  enabled: boolean;
  backupCodesLeft: number;
  answer?: SecurityActionData;
}) {
  const mine = answer && answer.intent && TOTP_INTENTS.includes(answer.intent) ? answer : undefined;
  const setup = mine?.setup;
  // The action's answer lands before the page data is reloaded; do not show "Off" next to fresh codes.
  const on = mine?.intent === "totp-confirm" && mine.backupCodes ? true : mine?.intent === "totp-disable" && !mine.code ? false : enabled;
  return (
    <Card
      title="Two-factor authentication"
      description="After your password, we ask for a code from an authenticator app. Backup codes get you in if you lose the phone."
      actions={on ? <Badge tone="success">On</Badge> : <Badge tone="neutral">Off</Badge>}
    >
      <div className="space-y-4">
        {mine?.backupCodes ? <BackupCodes codes={mine.backupCodes} notice={mine.notice} /> : null}
        {mine?.notice && !mine.backupCodes ? <Alert tone="success">{mine.notice}</Alert> : null}
        {mine?.code && mine.code !== "invalid_code" && mine.intent !== "totp-confirm" && mine.intent !== "totp-disable" ? (
          <FormErrors errors={mine.result.error?.[""]} />
        ) : null}
        {on ? (
          <EnabledControls backupCodesLeft={backupCodesLeft} answer={mine} />
        ) : setup ? (
          <ConfirmSetup setup={setup} answer={mine?.intent === "totp-confirm" ? mine : undefined} />
        ) : (
          <Form method="post">
            <Button type="submit" name="intent" value="totp-begin">
              Set up an authenticator app
            </Button>
          </Form>
        )}
      </div>
    </Card>
  );
}

function ConfirmSetup({ setup, answer }: { setup: TotpSetup; answer?: SecurityActionData }) {
  const [form, fields] = useForm({
    id: "totp-confirm",
    lastResult: answer?.result,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: securitySchema }),
  });
  return (
    <div className="grid gap-6 md:grid-cols-[auto_1fr]">
      <div
        role="img"
        aria-label="QR code to scan with your authenticator app"
        className="h-44 w-44 rounded-control bg-white p-2 text-black [&>svg]:h-full [&>svg]:w-full"
        dangerouslySetInnerHTML={{ __html: setup.qrSvg }}
      />
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <p className="text-sm">
          1. Scan the QR code with an authenticator app (or type the secret key). 2. Enter the 6-digit code it shows.
        </p>
        <Field
          label="Secret key"
          hint="For apps that cannot scan. Keep it private."
          inputProps={{ id: "totp-secret", type: "text", readOnly: true, value: setup.secret, className: "font-mono tracking-wider" }}
        />
        <input type="hidden" name="secret" value={setup.secret} />
        <input type="hidden" name="otpauthUrl" value={setup.otpauthUrl} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          label="Code from your app"
          errors={fields.code.errors}
          inputProps={{
            ...getInputProps(fields.code, { type: "text" }),
            inputMode: "numeric",
            autoComplete: "one-time-code",
            required: true,
          }}
        />
        <Button type="submit" name="intent" value="totp-confirm">
          Turn on two-factor authentication
        </Button>
      </Form>
    </div>
  );
}

function EnabledControls({ backupCodesLeft, answer }: { backupCodesLeft: number; answer?: SecurityActionData }) {
  const [form, fields] = useForm({
    id: "totp-disable",
    lastResult: answer?.intent === "totp-disable" ? answer.result : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: securitySchema }),
  });
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <div>
        <h3 className="font-medium">Backup codes</h3>
        <p className="text-muted mt-1 text-sm">{backupCodesLeft} of 10 left. New codes replace all the old ones.</p>
        <Form method="post" className="mt-3">
          <Button type="submit" name="intent" value="backup-codes" variant="secondary">
            Make new backup codes
          </Button>
        </Form>
      </div>
      <Form method="post" className="space-y-3" {...getFormProps(form)}>
        <h3 className="font-medium">Turn off</h3>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          label="Code to turn it off"
          hint="From your app, or a backup code."
          errors={fields.code.errors}
          inputProps={{ ...getInputProps(fields.code, { type: "text" }), autoComplete: "one-time-code", required: true }}
        />
        <Button type="submit" name="intent" value="totp-disable" variant="danger">
          Turn off two-factor authentication
        </Button>
      </Form>
    </div>
  );
}

function BackupCodes({ codes, notice }: { codes: string[]; notice?: string }) {
  return (
    <Alert tone="success" title={notice ?? "New backup codes"}>
      <p>Save these backup codes somewhere safe now; we will not show them again. Each works once.</p>
      <ol aria-label="Backup codes" className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-base sm:grid-cols-5">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
    </Alert>
  );
}
