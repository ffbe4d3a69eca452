import { z } from "@hono/zod-openapi";
import { getClientAbout } from "../domain/clients/about";
import { clientAboutSchema } from "../domain/clients/view-schema";
import { getClientProfile } from "../domain/profiles/client";
import { clientProfileViewSchema } from "../domain/profiles/view-schema";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";

const params = z.object({ id: z.string().min(1).max(64) });

export const clientRoutes: Router = createRouter().openapi(
  jsonRoute({
    method: "get",
    path: "/{id}",
    tags: ["profiles"],
    summary:
      "About a client, as project pages show it: payment method verified, total spent (the ledger, net of refunds, per currency), hires and hire rate, open projects, member since, local time, and freelancers' reviews with their average; `profile` is their company profile",
    params,
    ok: {
      status: 200,
      description: "{client, profile}",
      schema: z.object({ client: clientAboutSchema, profile: clientProfileViewSchema }),
    },
    errors: [404],
  }),
  async (c) => {
    const domain = c.get("domain");
    const { id } = c.req.valid("param");
    const [client, profile] = await Promise.all([getClientAbout(domain, id), getClientProfile(domain, id)]);
    return c.json({ client, profile }, 200);
  },
);
