import { createClient } from "@libsql/client";
import { sql } from "drizzle-orm";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import * as schema from "../schema";
import taxonomy from "./taxonomy.json";

type AnyDb = LibSQLDatabase<typeof schema>;
type TermKind = (typeof schema.SKILL_TERM_KINDS)[number];

export interface TaxonomyFile {
  categories: Array<{
    slug: string;
    name: string;
    description: string;
    skills: Array<{ slug: string; name: string; aliases: string[]; related: string[] }>;
  }>;
}

export const TAXONOMY = taxonomy as TaxonomyFile;
const CHUNK = 400;

/** Lowercase strings that name a skill; the strongest kind wins when one string appears twice. */
export function skillTermsOf(skill: { slug: string; name: string; aliases: string[] }): Array<{ term: string; kind: TermKind }> {
  const terms = new Map<string, TermKind>();
  const add = (term: string, kind: TermKind) => {
    const t = term.trim().toLowerCase();
    if (t && !terms.has(t)) terms.set(t, kind);
  };
  add(skill.slug, "slug");
  add(skill.name, "name");
  for (const alias of skill.aliases) add(alias, "alias");
  for (const word of skill.name.toLowerCase().split(/[\s/(),.-]+/)) if (word.length >= 2) add(word, "word");
  return [...terms].map(([term, kind]) => ({ term, kind }));
}

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * Upserts categories, skills and skill terms from taxonomy.json in one transaction; safe to run again.
 * Skills missing from the file are kept (projects may reference them).
 */
export async function loadTaxonomy(db: AnyDb, file: TaxonomyFile = TAXONOMY): Promise<{ categories: number; skills: number }> {
  const categoryRows = file.categories.map((c, position) => ({ slug: c.slug, name: c.name, description: c.description, position }));
  const skillRows = file.categories.flatMap((c) =>
    c.skills.map((s, position) => ({ slug: s.slug, name: s.name, categorySlug: c.slug, aliases: s.aliases, related: s.related, position })),
  );
  const termRows = skillRows.flatMap((s) => skillTermsOf(s).map((t) => ({ ...t, skillSlug: s.slug })));
  const statements = [
    ...chunks(categoryRows).map((rows) =>
      db
        .insert(schema.categories)
        .values(rows)
        .onConflictDoUpdate({
          target: schema.categories.slug,
          set: { name: sql`excluded.name`, description: sql`excluded.description`, position: sql`excluded.position` },
        }),
    ),
    ...chunks(skillRows).map((rows) =>
      db
        .insert(schema.skills)
        .values(rows)
        .onConflictDoUpdate({
          target: schema.skills.slug,
          set: {
            name: sql`excluded.name`,
            categorySlug: sql`excluded.category_slug`,
            aliases: sql`excluded.aliases`,
            related: sql`excluded.related`,
            position: sql`excluded.position`,
          },
        }),
    ),
    db.delete(schema.skillTerms),
    ...chunks(termRows).map((rows) => db.insert(schema.skillTerms).values(rows)),
  ];
  await db.batch(statements as unknown as Parameters<AnyDb["batch"]>[0]);
  return { categories: categoryRows.length, skills: skillRows.length };
}

/** For scripts and test setup that only have the database URL. */
export async function loadTaxonomyAt(url: string, authToken?: string): Promise<void> {
  const client = createClient({ url, authToken: authToken || undefined });
  try {
    await loadTaxonomy(drizzle(client, { schema }));
  } finally {
    client.close();
  }
}
