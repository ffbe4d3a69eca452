import { z } from "@hono/zod-openapi";
import {
  clientProfileSchema,
  freelancerProfilePatchSchema,
  portfolioItemSchema,
  portfolioOrderSchema,
  portfolioPatchSchema,
} from "../domain/profiles/input";
import { getMyClientProfile, saveClientProfile } from "../domain/profiles/client";
import { getMyFreelancerProfile, getPublicFreelancerProfile, saveFreelancerProfile } from "../domain/profiles/freelancer";
import { addPortfolioItem, listPortfolio, removePortfolioItem, reorderPortfolio, updatePortfolioItem } from "../domain/profiles/portfolio";
import { freelancerSearchSchema, searchFreelancers } from "../domain/search/freelancers";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireRole } from "./viewer";
import {
  clientProfileViewSchema,
  freelancerProfileViewSchema,
  freelancerSummarySchema,
  portfolioViewSchema,
} from "../domain/profiles/view-schema";
import { searchPageSchema, pageSchema } from "../domain/shared/views";

const freelancerProfileBody = z.object({ profile: freelancerProfileViewSchema });
const clientProfileBody = z.object({ profile: clientProfileViewSchema });
const portfolioBody = z.object({ item: portfolioViewSchema });

const tags = ["profiles"];
const idParams = z.object({ id: z.string().min(1).max(64) });

export const profileRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "get",
      path: "/freelancers",
      tags,
      summary: "Search freelancers (q over headline, bio and skills; skills, rate, country, availability, rating filters)",
      query: freelancerSearchSchema,
      ok: {
        status: 200,
        description: "{items, nextCursor, total, totalCapped, didYouMean}",
        schema: searchPageSchema(freelancerSummarySchema),
      },
      errors: [400, 422],
    }),
    async (c) => c.json(await searchFreelancers(c.get("domain"), c.req.valid("query")), 200),
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/freelancers/me/profile",
      tags,
      auth: true,
      summary: "Your freelancer profile",
      ok: { status: 200, description: "{profile}", schema: freelancerProfileBody },
      errors: [403, 404],
    }),
    async (c) => c.json({ profile: await getMyFreelancerProfile(c.get("domain"), requireRole(c, "freelancer").user) }, 200),
  )
  .openapi(
    jsonRoute({
      method: "put",
      path: "/freelancers/me/profile",
      tags,
      auth: true,
      summary: "Create or update your freelancer profile (fields left out keep their value)",
      body: freelancerProfilePatchSchema,
      ok: { status: 200, description: "{profile}", schema: freelancerProfileBody },
      errors: [403, 409, 422],
    }),
    async (c) => {
      const profile = await saveFreelancerProfile(c.get("domain"), requireRole(c, "freelancer").user, c.req.valid("json"));
      return c.json({ profile }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/freelancers/me/portfolio",
      tags,
      auth: true,
      summary: "Your portfolio items",
      ok: { status: 200, description: "{items, nextCursor}", schema: pageSchema(portfolioViewSchema) },
      errors: [403],
    }),
    async (c) => {
      const items = await listPortfolio(c.get("domain"), requireRole(c, "freelancer").user);
      return c.json({ items, nextCursor: null }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/freelancers/me/portfolio",
      tags,
      auth: true,
      summary: "Add a portfolio item at the top (imageKeys: keys of your uploaded images, in order; skills from the taxonomy)",
      body: portfolioItemSchema,
      ok: { status: 201, description: "{item}", schema: portfolioBody },
      errors: [403, 409, 422],
    }),
    async (c) => c.json({ item: await addPortfolioItem(c.get("domain"), requireRole(c, "freelancer").user, c.req.valid("json")) }, 201),
  )
  .openapi(
    jsonRoute({
      method: "put",
      path: "/freelancers/me/portfolio/order",
      tags,
      auth: true,
      summary: "Put your portfolio in a new order (every item's id, first shown first)",
      body: portfolioOrderSchema,
      ok: { status: 200, description: "{items, nextCursor}", schema: pageSchema(portfolioViewSchema) },
      errors: [403, 422],
    }),
    async (c) => {
      const items = await reorderPortfolio(c.get("domain"), requireRole(c, "freelancer").user, c.req.valid("json"));
      return c.json({ items, nextCursor: null }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "patch",
      path: "/freelancers/me/portfolio/{id}",
      tags,
      auth: true,
      summary: "Edit a portfolio item",
      params: idParams,
      body: portfolioPatchSchema,
      ok: { status: 200, description: "{item}", schema: portfolioBody },
      errors: [403, 404, 422],
    }),
    async (c) => {
      const item = await updatePortfolioItem(
        c.get("domain"),
        requireRole(c, "freelancer").user,
        c.req.valid("param").id,
        c.req.valid("json"),
      );
      return c.json({ item }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "delete",
      path: "/freelancers/me/portfolio/{id}",
      tags,
      auth: true,
      summary: "Remove a portfolio item",
      params: idParams,
      ok: { status: 200, description: "{deleted: true}", schema: z.object({ deleted: z.literal(true), id: z.string() }) },
      errors: [403, 404],
    }),
    async (c) => {
      await removePortfolioItem(c.get("domain"), requireRole(c, "freelancer").user, c.req.valid("param").id);
      return c.json({ deleted: true, id: c.req.valid("param").id }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/freelancers/{handle}",
      tags,
      summary: "A freelancer's public profile (the data behind /f/:handle)",
      params: z.object({ handle: z.string().min(1).max(64) }),
      ok: { status: 200, description: "{profile}", schema: freelancerProfileBody },
      errors: [404],
    }),
    async (c) => c.json({ profile: await getPublicFreelancerProfile(c.get("domain"), c.req.valid("param").handle) }, 200),
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/clients/me/profile",
      tags,
      auth: true,
      summary: "Your client profile with hiring history counts",
      ok: { status: 200, description: "{profile}", schema: clientProfileBody },
      errors: [403],
    }),
    async (c) => c.json({ profile: await getMyClientProfile(c.get("domain"), requireRole(c, "client").user) }, 200),
  )
  .openapi(
    jsonRoute({
      method: "put",
      path: "/clients/me/profile",
      tags,
      auth: true,
      summary: "Update your company name, size and country",
      body: clientProfileSchema,
      ok: { status: 200, description: "{profile}", schema: clientProfileBody },
      errors: [403, 422],
    }),
    async (c) => c.json({ profile: await saveClientProfile(c.get("domain"), requireRole(c, "client").user, c.req.valid("json")) }, 200),
  );
