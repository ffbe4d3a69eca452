import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { reviews } from "../../db/schema";
import { endContract } from "../domain/contracts/lifecycle";
import { activeContract } from "../domain/contracts/test-fixtures";
import { testContext } from "../test-support/context";
import { browserFor, htmlOf } from "../test-support/web";

/** The review form posts without JavaScript; the review's schema in the domain checks it, as it checks the API's body. */
describe("the review form", () => {
  it("shows the domain's sentence for a bad rating and writes nothing; a good review keeps only the rated skills", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    await endContract(ctx, f.client, f.contractId, { reason: "All done" });
    const client = await browserFor(f.client);
    const path = `/contracts/${f.contractId}/review`;
    const written = () => ctx.db.select().from(reviews).where(eq(reviews.contractId, f.contractId));
    const form = (fields: Array<[string, string]>) => [
      ["comment", "Careful work, delivered on time."],
      ["privateNote", ""],
      ["skill", "Quality"],
      ["skill", "Communication"],
      ["skill", "Timeliness"],
      ...fields,
    ];

    for (const [fields, sentence] of [
      [
        [
          ["skillRating", "5"],
          ["skillRating", ""],
          ["skillRating", ""],
        ],
        "Rate from 1 to 5.",
      ],
      [
        [
          ["rating", "6"],
          ["skillRating", ""],
          ["skillRating", ""],
          ["skillRating", ""],
        ],
        "Rate from 1 to 5.",
      ],
      [
        [
          ["rating", "5"],
          ["skillRating", "9"],
          ["skillRating", ""],
          ["skillRating", ""],
        ],
        "Rate from 1 to 5.",
      ],
    ] as Array<[Array<[string, string]>, string]>) {
      const refused = await client.post(path, form(fields) as Array<[string, string]>);
      expect(refused.status).toBe(422);
      expect(await htmlOf(refused)).toContain(sentence);
    }
    const blank = await client.post(path, [
      ["rating", "4"],
      ["comment", "   "],
    ]);
    expect(blank.status).toBe(422);
    expect(await htmlOf(blank)).toContain("Write a few words about working together.");
    expect(await written()).toEqual([]);

    const sent = await client.post(
      path,
      form([
        ["rating", "4"],
        ["skillRating", "5"],
        ["skillRating", ""],
        ["skillRating", "3"],
      ]) as Array<[string, string]>,
    );
    expect(sent.status).toBe(302);
    const [review] = await written();
    expect(review).toMatchObject({ authorId: f.client.id, rating: 4, comment: "Careful work, delivered on time.", privateNote: null });
    expect(review.skillRatings).toEqual([
      { skill: "Quality", rating: 5 },
      { skill: "Timeliness", rating: 3 },
    ]);
  });
});
