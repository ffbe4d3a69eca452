import { Form } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import type { SecurityActionData } from "./schemas";

/** Sensitive changes need a sign-in from the last 15 minutes; this refreshes it without signing out. */
export function ReauthForm({ needsCode, answer }: { needsCode: boolean; answer?: SecurityActionData }) {
  const errors = answer?.intent === "reauthenticate" ? answer.result.error?.[""] : undefined;
  return (
    <Alert tone="warning" title="Confirm it is you">
      <p>For this change we need you to confirm your password{needsCode ? " and a code" : ""} again.</p>
      <Form method="post" className="mt-3 grid max-w-md gap-3">
        {errors?.length ? <p className="font-medium text-red-800 dark:text-red-200">{errors.join(" ")}</p> : null}
        <Field
          label="Password"
          inputProps={{ id: "reauth-password", name: "password", type: "password", autoComplete: "current-password", required: true }}
        />
        {needsCode ? (
          <Field
            label="Code from your authenticator app or a backup code"
            inputProps={{ id: "reauth-code", name: "code", type: "text", autoComplete: "one-time-code", required: true }}
          />
        ) : null}
        <div>
          <Button type="submit" name="intent" value="reauthenticate">
            Confirm
          </Button>
        </div>
      </Form>
    </Alert>
  );
}
