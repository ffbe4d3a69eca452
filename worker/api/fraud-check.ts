import { paymentRisk, projectRisk, proposalRisk, userRisk } from "../domain/trust/check";
import type { RiskScore } from "../domain/trust/signals";
import { adminOnly } from "./admin-common";
import { idParams } from "./contracts-common";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import type { z } from "zod";
import { riskCheckSchema } from "../domain/trust/view-schema";

const tags = ["admin: fraud"];

type RiskCheck = z.infer<typeof riskCheckSchema>;

function answer(
  subjectType: RiskCheck["subjectType"],
  subjectId: string,
  risk: RiskScore,
  checkedAt: Date,
  extra: Pick<RiskCheck, "userId" | "projectId"> = {},
): RiskCheck {
  return {
    subjectType,
    subjectId,
    ...extra,
    score: risk.score,
    level: risk.level,
    signals: risk.signals,
    checkedAt: checkedAt.toISOString(),
  };
}

const route = (kind: string, summary: string) =>
  jsonRoute({
    method: "get",
    path: `/${kind}/{id}`,
    tags,
    auth: true,
    summary,
    params: idParams,
    ok: {
      status: 200,
      description: "{subjectType, subjectId, score (0-100), level, signals[{code, label, points, evidence}], checkedAt}",
      schema: riskCheckSchema,
    },
    errors: [403, 404],
  });

/** Risk scores on demand (admin only): the same rules the sweep applies, computed now. */
export const fraudCheckRoutes: Router = createRouter();
fraudCheckRoutes.use("*", adminOnly);
fraudCheckRoutes
  .openapi(route("user", "Risk score of a user now, with the signals that raised it"), async (c) => {
    const id = c.req.valid("param").id;
    const domain = c.get("domain");
    return c.json(answer("user", id, await userRisk(domain, id), domain.clock.now()), 200);
  })
  .openapi(route("project", "Risk score of a project now (phrases, budget against comparables, new unverified client)"), async (c) => {
    const id = c.req.valid("param").id;
    const domain = c.get("domain");
    const risk = await projectRisk(domain, id);
    return c.json(answer("project", id, risk, domain.clock.now(), { userId: risk.clientId }), 200);
  })
  .openapi(route("proposal", "Risk score of a proposal now (cover letter, bid, the freelancer's own risk)"), async (c) => {
    const id = c.req.valid("param").id;
    const domain = c.get("domain");
    const risk = await proposalRisk(domain, id);
    return c.json(answer("proposal", id, risk, domain.clock.now(), { userId: risk.freelancerId, projectId: risk.projectId }), 200);
  })
  .openapi(route("payment", "Risk score of a payment now (countries, rapid refunds, failed attempts)"), async (c) => {
    const id = c.req.valid("param").id;
    const domain = c.get("domain");
    const risk = await paymentRisk(domain, id);
    return c.json(answer("payment", id, risk, domain.clock.now(), { userId: risk.payerId }), 200);
  });
