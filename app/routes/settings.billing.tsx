import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field, FieldErrors, inputClass } from "~/components/ui/field";
import { requireUser } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";
import { getBillingDetails, saveBillingDetails } from "../../worker/domain/invoices/billing";
import { billingDetailsInput } from "../../worker/domain/invoices/billing-input";
import { fieldErrorsOf } from "../../worker/domain/shared/validate";

export const meta: MetaFunction = () => [{ title: "Billing details — MegiLance" }];

const billingSchema = billingDetailsInput;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  return { billing: await getBillingDetails(domainFrom(context), viewer.user.id) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const parsed = billingSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ saved: false, fields: fieldErrorsOf(parsed.error) }, { status: 422 });
  await saveBillingDetails(domainFrom(context), viewer.user.id, parsed.data);
  return { saved: true, fields: {} as Record<string, string[]> };
}

export default function BillingSettings() {
  const { billing } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.fields ?? {};
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Billing details</h1>
      {result?.saved ? <Alert tone="success">Saved. Invoices issued from now on print these details.</Alert> : null}
      <Card
        title="Printed on your invoices, and the basis for tax"
        description="Invoices already issued keep the details they were issued with. Leave a field empty to leave it off."
      >
        <Form method="post" className="space-y-4">
          <Field
            label="Legal or company name"
            errors={errors.legalName}
            inputProps={{ id: "billing-name", name: "legalName", maxLength: 200, defaultValue: billing.legalName ?? "" }}
          />
          <Field
            label="Tax ID (VAT, GST, EIN)"
            errors={errors.taxId}
            inputProps={{ id: "billing-tax", name: "taxId", maxLength: 64, defaultValue: billing.taxId ?? "" }}
          />
          <div>
            <label htmlFor="billing-address" className="block text-sm font-medium">
              Address
            </label>
            <textarea
              id="billing-address"
              name="address"
              maxLength={500}
              rows={3}
              className={inputClass}
              defaultValue={billing.address ?? ""}
            />
          </div>
          <Field
            label="Country (two-letter code)"
            errors={errors.country}
            inputProps={{ id: "billing-country", name: "country", maxLength: 2, defaultValue: billing.country ?? "" }}
          />
          <fieldset>
            <legend className="block text-sm font-medium">Buying as</legend>
            <p className="text-muted text-xs">
              Decides the VAT or GST on the platform fee: an EU business with a valid VAT number above pays no VAT (reverse charge).
            </p>
            <div className="mt-1 flex flex-wrap gap-4 text-sm">
              {(
                [
                  ["personal", "A person"],
                  ["business", "A business"],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className="flex items-center gap-2">
                  <input type="radio" name="taxStatus" value={value} defaultChecked={billing.taxStatus === value} />
                  {label}
                </label>
              ))}
            </div>
            <FieldErrors id="billing-status-error" errors={errors.taxStatus} />
          </fieldset>
          <Field
            label="Canadian province (two-letter code, Canada only)"
            errors={errors.province}
            inputProps={{ id: "billing-province", name: "province", maxLength: 2, defaultValue: billing.province ?? "" }}
          />
          <div className="flex flex-wrap items-center gap-4">
            <Button>Save billing details</Button>
            <Link to="/invoices" className="text-sm underline">
              My invoices
            </Link>
          </div>
        </Form>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
