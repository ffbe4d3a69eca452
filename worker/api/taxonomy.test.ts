import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

type Skill = { slug: string; name: string; category: string };

describe("GET /api/categories and /api/skills", () => {
  it("lists the 22 categories", async () => {
    const res = await SELF.fetch("http://localhost/api/categories");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Array<{ slug: string; name: string; skillCount: number }> };
    expect(body.items).toHaveLength(22);
    expect(body.items.find((c) => c.slug === "web-development")?.skillCount).toBeGreaterThan(10);
  });

  it("answers the typeahead alias-aware: JS -> JavaScript, Postgres -> PostgreSQL", async () => {
    for (const [q, name] of [
      ["JS", "JavaScript"],
      ["Postgres", "PostgreSQL"],
    ]) {
      const res = await SELF.fetch(`http://localhost/api/skills?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: Skill[] };
      expect(body.items[0].name).toBe(name);
    }
  });

  it("filters by category and pages the plain list", async () => {
    const res = await SELF.fetch("http://localhost/api/skills?category=legal&limit=5");
    const body = (await res.json()) as { items: Skill[]; nextCursor: string | null };
    expect(body.items).toHaveLength(5);
    expect(body.items.every((s) => s.category === "legal")).toBe(true);
    expect(body.nextCursor).toBe(body.items[4].slug);
  });

  it("refuses a page size above the maximum", async () => {
    const res = await SELF.fetch("http://localhost/api/skills?limit=5000");
    expect(res.status).toBe(422);
  });
});
