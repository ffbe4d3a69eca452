import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { runProjectIntent } from "../../app/components/marketplace/project-actions.server";
import { projectFormSchema, toProjectInput } from "../../app/components/marketplace/project-form-schema";
import { formatMoney, toMajorText, toMinorUnits } from "../../app/utils/money";
import { postProject } from "../domain/projects/projects";
import { AppError } from "../domain/errors";
import { getProposal, listProjectProposals } from "../domain/proposals/list";
import { testContext } from "../test-support/context";
import { coverLetter, projectBody } from "../test-support/market";
import { createTestUser } from "../test-support/users";

describe("money typed in forms", () => {
  it("turns major units into exact minor units per currency and refuses extra decimals", () => {
    expect(toMinorUnits("1,500.50", "USD")).toBe(150_050);
    expect(toMinorUnits("0.1", "USD")).toBe(10);
    expect(toMinorUnits("19.99", "EUR")).toBe(1_999);
    expect(toMinorUnits("1500", "JPY")).toBe(1_500);
    expect(toMinorUnits("1500.5", "JPY")).toBeNull();
    expect(toMinorUnits("1.005", "USD")).toBeNull();
    expect(toMinorUnits("1.500", "USD")).toBe(150);
    expect(toMinorUnits("-5", "USD")).toBeNull();
    expect(toMinorUnits("1e3", "USD")).toBeNull();
    expect(toMajorText(150_050, "USD")).toBe("1500.50");
    expect(toMajorText(5, "USD")).toBe("0.05");
    expect(formatMoney(150_050, "USD")).toBe("$1,500.50");
    expect(formatMoney(1_500, "JPY")).toBe("¥1,500");
  });

  it("maps the post-project form to the domain's input in minor units, with field errors for bad amounts", () => {
    const form = projectFormSchema.parse({
      title: "A widget",
      description: "Build a small widget for us.",
      category: "web-development",
      skills: " React, typescript ,,",
      budgetType: "fixed",
      budgetMin: "500",
      budgetMax: "1,500.50",
      currency: "USD",
      experienceLevel: "expert",
      visibility: "public",
    });
    expect(toProjectInput(form)).toMatchObject({ skills: ["React", "typescript"], budgetMin: 50_000, budgetMax: 150_050 });
    const error = (() => {
      try {
        toProjectInput({ ...form, currency: "JPY", budgetMin: "10.5" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fields).toHaveProperty("budgetMin");
  });
});

describe("the project page's intents", () => {
  it("sends a bid converted to minor units, then lets only the owner shortlist and accept it", async () => {
    const { ctx } = testContext(env);
    const client = (await createTestUser(ctx, { roles: ["client"] })).user;
    const freelancer = (await createTestUser(ctx, { roles: ["freelancer"] })).user;
    const project = await postProject(ctx, client, projectBody());

    const sent = await runProjectIntent(ctx, freelancer, project, {
      intent: "send-proposal",
      coverLetter: coverLetter(),
      bidAmount: "1,234.56",
      estimatedDays: 10,
    });
    expect(sent.intent).toBe("send-proposal");
    const proposalId = sent.intent === "send-proposal" ? sent.proposalId : "";
    expect(await getProposal(ctx, client, proposalId)).toMatchObject({ bidAmount: 123_456, currency: project.currency });

    await expect(runProjectIntent(ctx, freelancer, project, { intent: "accept", proposalId })).rejects.toMatchObject({ status: 403 });
    await expect(
      runProjectIntent(ctx, freelancer, project, {
        intent: "send-proposal",
        coverLetter: coverLetter(),
        bidAmount: "1.234",
        estimatedDays: 3,
      }),
    ).rejects.toMatchObject({ code: "invalid_amount", fields: { bidAmount: expect.any(Array) } });

    expect(await runProjectIntent(ctx, client, project, { intent: "shortlist", proposalId })).toMatchObject({ intent: "shortlist" });
    const accepted = await runProjectIntent(ctx, client, project, { intent: "accept", proposalId });
    expect(accepted).toMatchObject({ intent: "accept", contractId: expect.any(String) });
    const [listed] = (await listProjectProposals(ctx, client, project.id, {})).items;
    expect(listed.status).toBe("accepted");
  });
});
