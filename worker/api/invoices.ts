import { z } from "@hono/zod-openapi";
import { getBillingDetails, saveBillingDetails } from "../domain/invoices/billing";
import { billingDetailsInput } from "../domain/invoices/billing-input";
import { getInvoice, INVOICE_PAGE_MAX, listInvoices } from "../domain/invoices/queries";
import { idParams } from "./contracts-common";
import { createRouter, type Router } from "./context";
import { fileBytes, jsonRoute } from "./openapi";
import { requireViewer } from "./viewer";
import { billingDetailsSchema, invoicesPageSchema, invoiceViewSchema } from "../domain/invoices/view-schema";

const tags = ["invoices"];
const billingBodySchema = z.object({ billing: billingDetailsSchema });
const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(INVOICE_PAGE_MAX).default(20),
  cursor: z.string().min(1).max(64).optional(),
  contractId: z.string().min(1).max(64).optional(),
});

export const invoiceRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "get",
      path: "/",
      tags,
      auth: true,
      summary: "Invoices I issued or received (charges, payouts, fee statements), newest first; optional contractId",
      query: listQuery,
      ok: { status: 200, description: "{items, nextCursor}", schema: invoicesPageSchema },
      errors: [422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json(await listInvoices(c.get("domain"), viewer.user.id, c.req.valid("query")), 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/{id}",
      tags,
      auth: true,
      summary: "One invoice (its parties and admins)",
      params: idParams,
      ok: { status: 200, description: "{invoice}", schema: z.object({ invoice: invoiceViewSchema }) },
      errors: [404],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json({ invoice: await getInvoice(c.get("domain"), viewer.user, c.req.valid("param").id) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/{id}/pdf",
      tags,
      auth: true,
      summary: "One invoice as a PDF document (its parties and admins)",
      params: idParams,
      ok: { status: 200, description: "The invoice as a PDF document", media: { "application/pdf": fileBytes("The PDF document") } },
      errors: [404],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const invoice = await getInvoice(c.get("domain"), viewer.user, c.req.valid("param").id);
      // pdf-lib is loaded when a PDF is first asked for: it is large, and it builds tables when it loads.
      const { renderInvoicePdf } = await import("../domain/invoices/pdf");
      const bytes = await renderInvoicePdf(invoice);
      return c.body(bytes as unknown as ArrayBuffer, 200, {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${invoice.number}.pdf"`,
        "Cache-Control": "private, no-store",
      });
    },
  );

const billingBody = billingDetailsInput;

/** What the viewer wants printed on invoices issued from now on. */
export const billingRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "get",
      path: "/",
      tags,
      auth: true,
      summary: "My billing details for invoices (legal name, tax ID, address, country)",
      ok: { status: 200, description: "{billing}", schema: billingBodySchema },
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json({ billing: await getBillingDetails(c.get("domain"), viewer.user.id) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "put",
      path: "/",
      tags,
      auth: true,
      summary: "Save my billing details; invoices issued later print them (issued ones never change)",
      body: billingBody,
      ok: { status: 200, description: "{billing}", schema: billingBodySchema },
      errors: [422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const billing = await saveBillingDetails(c.get("domain"), viewer.user.id, c.req.valid("json"));
      return c.json({ billing }, 200);
    },
  );
