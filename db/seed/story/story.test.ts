/**
 * The demo story, seeded into a fresh database: every state the issue asks the demo to show is there, and the
 * numbers agree with the ledger, because the story went through the same domain functions as the app.
 */
import { createClient, type Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../migrate";
import * as schema from "../../schema";
import { discardedFiles } from "../local-files";
import { seedDemo } from "../run";
import { loadTaxonomy } from "../taxonomy-load";
import { platformFee } from "../../../worker/domain/ledger/fees";

const NOW = new Date("2026-12-09T15:30:00Z");
const dir = mkdtempSync(join(tmpdir(), "megilance-story-"));
let client: Client;

const rows = async (sql: string, args: Array<string | number> = []) => (await client.execute({ sql, args })).rows;
const one = async (sql: string, args: Array<string | number> = []) => Number((await rows(sql, args))[0][0]);
const DEMO_CLIENT = "(SELECT id FROM users WHERE email = 'client@demo.test')";
const DEMO_FREELANCER = "(SELECT id FROM users WHERE email = 'freelancer@demo.test')";

async function seeded(name: string): Promise<Client> {
  const url = `file:${join(dir, `${name}.db`)}`;
  await migrateDatabase(url);
  const c = createClient({ url });
  const db = drizzle(c, { schema });
  await loadTaxonomy(db);
  await seedDemo(db, { bucket: discardedFiles(), now: NOW, appOrigin: "http://localhost:8787" });
  return c;
}

beforeAll(async () => {
  client = await seeded("story");
}, 180_000);

afterAll(() => {
  client?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the demo story", () => {
  it("shows a meeting tomorrow, a new time waiting for the freelancer, and a recorded call", async () => {
    const tomorrow = Date.UTC(2026, 11, 10, 15);
    const accepted = await rows(
      `SELECT title, status, starts_at, duration_minutes FROM meetings WHERE organizer_id = ${DEMO_CLIENT} AND invitee_id = ${DEMO_FREELANCER} ORDER BY starts_at`,
    );
    expect(accepted.map((r) => [r.status, Number(r.starts_at)])).toEqual([
      ["accepted", tomorrow],
      ["proposed", tomorrow + 2 * 24 * 60 * 60 * 1000 + 60 * 60 * 1000],
    ]);
    const [recording] = await rows(
      `SELECT r.status, r.kind, r.chunk_count, r.bytes, c.status AS call_status, (SELECT count(*) FROM call_recording_participants p WHERE p.recording_id = r.id) AS agreed FROM call_recordings r JOIN calls c ON c.id = r.call_id`,
    );
    expect(recording).toMatchObject({ status: "ready", kind: "audio", call_status: "ended", agreed: 2 });
    expect(Number(recording.bytes)).toBeGreaterThan(10_000);
  });

  it("gives the demo freelancers faces and a portfolio with images, skills and a link", async () => {
    const photos = await rows(
      `SELECT f.content_type, f.width, f.height, f.scope FROM users u JOIN files f ON f.key = u.photo_key WHERE u.id = ${DEMO_FREELANCER}`,
    );
    expect(photos).toEqual([expect.objectContaining({ content_type: "image/png", width: 256, height: 256, scope: "public" })]);
    expect(await one("SELECT count(*) FROM users WHERE photo_key IS NOT NULL")).toBeGreaterThanOrEqual(3);
    const items = await rows(
      `SELECT i.title, json_array_length(i.image_keys) AS images, i.skills, i.url, p.title AS project, p.visibility
       FROM portfolio_items i LEFT JOIN projects p ON p.id = i.project_id WHERE i.freelancer_id = ${DEMO_FREELANCER} ORDER BY i.position`,
    );
    expect(items.map((i) => [i.title, Number(i.images)])).toEqual([
      ["Booking pages: 6.1 s to 1.9 s on phones", 0],
      ["Fabrikam Studio: design system", 2],
      ["Northwind Outfitters: marketing site", 3],
    ]);
    expect(JSON.parse(String(items[2].skills)).map((k: { slug: string }) => k.slug)).toEqual(["react", "typescript", "tailwind-css"]);
    expect(items[2].url).toBe("https://northwind.example/");
    // The work from the earlier contract names its public project, so the profile links to it.
    expect(items.map((i) => [i.project, i.visibility])).toEqual([
      ["Speed up our booking pages", "public"],
      [null, null],
      [null, null],
    ]);
  });

  it("keeps the freelancer's saved searches, with an instant alert and a daily digest sent once", async () => {
    const searches = await rows(`SELECT name, frequency FROM saved_searches WHERE user_id = ${DEMO_FREELANCER} ORDER BY name`);
    expect(searches.map((r) => [r.name, r.frequency])).toEqual([
      ["Any Node.js API work", "none"],
      ["Fixed-price web projects", "daily"],
      ["React work, newest first", "instant"],
    ]);
    const alerts = await rows(`SELECT link FROM notifications WHERE user_id = ${DEMO_FREELANCER} AND type = 'saved_search_match'`);
    expect(alerts).toHaveLength(1);
    expect(await one(`SELECT count(*) FROM outbox WHERE to_address = 'freelancer@demo.test' AND template = 'saved_search.digest'`)).toBe(1);
    const digested = await one(
      `SELECT count(*) FROM saved_search_deliveries d JOIN saved_searches s ON s.id = d.saved_search_id WHERE s.frequency = 'daily' AND s.user_id = ${DEMO_FREELANCER} AND d.digest_id IS NOT NULL`,
    );
    expect(digested).toBeGreaterThan(0);
    // The demo client paid through the ledger, so the payment method shows as verified.
    expect(await one(`SELECT payment_verified FROM client_profiles WHERE user_id = ${DEMO_CLIENT}`)).toBe(1);
  });

  it("gives the demo client and freelancer contracts in every state", async () => {
    const between = `client_id = ${DEMO_CLIENT} AND freelancer_id = ${DEMO_FREELANCER}`;
    const statuses = await rows(`SELECT status, type FROM contracts WHERE ${between} ORDER BY created_at`);
    expect(statuses.map((r) => `${r.status} ${r.type}`)).toEqual(["ended fixed", "active fixed", "active hourly"]);
    expect(await one(`SELECT count(*) FROM contracts WHERE freelancer_id = ${DEMO_FREELANCER} AND status = 'offered'`)).toBe(1);
    expect(await one(`SELECT count(*) FROM contracts WHERE client_id = ${DEMO_CLIENT} AND status = 'offered'`)).toBe(1);
    const milestoneStates = await rows(
      `SELECT DISTINCT m.status FROM milestones m JOIN contracts c ON c.id = m.contract_id WHERE ${between.replace(/client_id/g, "c.client_id").replace(/freelancer_id/g, "c.freelancer_id")} AND c.type = 'fixed'`,
    );
    expect(new Set(milestoneStates.map((r) => r.status))).toEqual(
      new Set(["pending", "funded", "submitted", "changes_requested", "approved", "refunded", "cancelled"]),
    );
  });

  it("keeps a week-by-week hourly contract: two weeks paid, last week waiting, this week open", async () => {
    const hourly = `(SELECT id FROM contracts WHERE client_id = ${DEMO_CLIENT} AND freelancer_id = ${DEMO_FREELANCER} AND type = 'hourly')`;
    const sheets = await rows(`SELECT status, minutes FROM timesheets WHERE contract_id = ${hourly} ORDER BY week_start`);
    expect(sheets.map((r) => r.status)).toEqual(["approved", "approved", "submitted"]);
    const open = await one(
      `SELECT count(*) FROM time_entries t WHERE t.contract_id = ${hourly} AND NOT EXISTS (SELECT 1 FROM timesheets s WHERE s.contract_id = t.contract_id AND s.week_start = t.week_start)`,
    );
    expect(open).toBeGreaterThan(0);
  });

  it("ends a contract with reviews from both sides, and the profile rating is those reviews", async () => {
    const reviews = await rows(
      `SELECT r.author_role, r.rating, r.published_at FROM reviews r JOIN contracts c ON c.id = r.contract_id WHERE c.client_id = ${DEMO_CLIENT} AND c.freelancer_id = ${DEMO_FREELANCER}`,
    );
    expect(reviews.map((r) => r.author_role).sort()).toEqual(["client", "freelancer"]);
    expect(reviews.every((r) => r.published_at !== null)).toBe(true);
    const [profile] = await rows(`SELECT rating_avg, rating_count FROM freelancer_profiles WHERE user_id = ${DEMO_FREELANCER}`);
    const [mean] = await rows(
      `SELECT avg(rating) AS a, count(*) AS n FROM reviews WHERE subject_id = ${DEMO_FREELANCER} AND published_at IS NOT NULL`,
    );
    expect(Number(profile.rating_count)).toBe(Number(mean.n));
    expect(Number(profile.rating_avg)).toBeCloseTo(Number(mean.a), 1);
  });

  it("has a dispute waiting for an admin and one an admin decided", async () => {
    const disputes = await rows(
      `SELECT d.status, d.outcome, c.client_id = ${DEMO_CLIENT} AS mine FROM disputes d JOIN contracts c ON c.id = d.contract_id ORDER BY d.created_at`,
    );
    expect(disputes.map((d) => `${d.status}/${d.outcome ?? "-"}`)).toEqual(["resolved/split", "answered/-"]);
  });

  it("has conversations with history and files between the demo people", async () => {
    const between = `c.client_id = ${DEMO_CLIENT} AND c.freelancer_id = ${DEMO_FREELANCER}`;
    expect(await one(`SELECT count(*) FROM conversations c WHERE ${between}`)).toBeGreaterThanOrEqual(3);
    expect(await one(`SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE ${between}`)).toBeGreaterThan(
      10,
    );
    const attached = await rows(
      `SELECT m.attachments FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE ${between} AND m.attachments != '[]'`,
    );
    const keys = attached.flatMap((r) => (JSON.parse(String(r.attachments)) as Array<{ key: string }>).map((a) => a.key));
    expect(keys.length).toBeGreaterThanOrEqual(3);
    const types = await rows(`SELECT DISTINCT content_type FROM files WHERE key IN (${keys.map(() => "?").join(",")})`, keys);
    expect(new Set(types.map((t) => t.content_type))).toEqual(new Set(["application/pdf", "image/png"]));
  });

  it("pays the freelancer exactly what the approvals, the decided dispute and the payout add up to, with invoices for each", async () => {
    const releases = [
      ...(await rows(
        `SELECT m.amount FROM milestones m JOIN contracts c ON c.id = m.contract_id WHERE c.freelancer_id = ${DEMO_FREELANCER} AND m.status = 'approved' AND c.type = 'fixed' AND NOT EXISTS (SELECT 1 FROM disputes d WHERE d.milestone_id = m.id)`,
      )),
      ...(await rows(
        `SELECT s.amount FROM timesheets s JOIN contracts c ON c.id = s.contract_id WHERE c.freelancer_id = ${DEMO_FREELANCER} AND s.status = 'approved'`,
      )),
      ...(await rows(
        `SELECT d.amount * d.freelancer_percent / 100 AS amount FROM disputes d JOIN contracts c ON c.id = d.contract_id WHERE c.freelancer_id = ${DEMO_FREELANCER} AND d.status = 'resolved'`,
      )),
    ].map((r) => Number(r.amount));
    expect(releases.length).toBe(7);
    const [payout] = await rows(`SELECT amount, status FROM payouts WHERE user_id = ${DEMO_FREELANCER}`);
    expect(payout.status).toBe("paid");
    const earned = releases.reduce((sum, amount) => sum + amount - platformFee(amount), 0);
    const balance = await one(
      `SELECT sum(amount) FROM ledger_entries WHERE account = 'freelancer:' || ${DEMO_FREELANCER} AND currency = 'USD'`,
    );
    expect(balance).toBe(earned - Number(payout.amount));
    expect(
      await one("SELECT count(*) FROM (SELECT transaction_id FROM ledger_entries GROUP BY transaction_id HAVING sum(amount) != 0)"),
    ).toBe(0);
    expect(await one(`SELECT count(*) FROM invoices WHERE recipient_id = ${DEMO_CLIENT} OR issuer_id = ${DEMO_CLIENT}`)).toBeGreaterThan(3);
    expect(await one(`SELECT count(*) FROM invoices WHERE kind = 'payout' AND recipient_id = ${DEMO_FREELANCER}`)).toBe(1);
    // The demo freelancer is a UK sole trader: every fee statement carries UK VAT, also kept in its own ledger account.
    const statements = await rows(
      `SELECT fee_amount, fee_tax_amount, tax_treatment, tax_jurisdiction FROM invoices WHERE kind = 'fee' AND recipient_id = ${DEMO_FREELANCER}`,
    );
    expect(statements.length).toBe(7);
    for (const fee of statements) {
      expect(fee).toMatchObject({ tax_treatment: "charged", tax_jurisdiction: "GB" });
      expect(Number(fee.fee_tax_amount)).toBe(Math.round((Number(fee.fee_amount) * 2000) / 12_000));
    }
    const taxed = statements.reduce((sum, fee) => sum + Number(fee.fee_tax_amount), 0);
    expect(await one(`SELECT sum(amount) FROM ledger_entries WHERE account = 'tax:GB'`)).toBe(taxed);
    // The retoucher is a Dutch business with a VAT number: its fee statement is reverse-charged, with no tax in it.
    const reverseCharged = await rows(
      `SELECT fee_amount, fee_tax_amount, tax_kind, tax_jurisdiction FROM invoices
       WHERE kind = 'fee' AND tax_treatment = 'reverse_charge'`,
    );
    expect(reverseCharged).toEqual([expect.objectContaining({ fee_tax_amount: 0, tax_kind: "vat", tax_jurisdiction: "NL" })]);
    expect(Number(reverseCharged[0]!.fee_amount)).toBe(platformFee(40_000));
  });

  it("happened in order: invoice numbers follow their dates across all the chapters", async () => {
    const issued = (await rows("SELECT issued_at FROM invoices ORDER BY year, sequence")).map((r) => Number(r.issued_at));
    expect(issued.length).toBeGreaterThan(10);
    expect([...issued].sort((a, b) => a - b)).toEqual(issued);
  });

  it("shares every demo file with the people of what it is attached to, not only its uploader", async () => {
    expect(await rows("SELECT original_name FROM files WHERE scope IS NULL")).toEqual([]);
    const scopes = (await rows("SELECT DISTINCT scope FROM files ORDER BY scope")).map((r) => String(r.scope));
    expect(scopes).toEqual(expect.arrayContaining(["conversation", "public"]));
  });

  it("leaves old news read and the latest unread", async () => {
    for (const who of [DEMO_CLIENT, DEMO_FREELANCER]) {
      expect(await one(`SELECT count(*) FROM notifications WHERE user_id = ${who} AND read_at IS NULL`)).toBeGreaterThan(0);
      expect(await one(`SELECT count(*) FROM notifications WHERE user_id = ${who} AND read_at IS NOT NULL`)).toBeGreaterThan(0);
    }
  });

  it("is the same on every run for the same moment", { timeout: 180_000 }, async () => {
    const again = await seeded("again");
    // File keys are secrets the upload draws at random on purpose (a key is enough to read a file): masked here.
    const masked = (list: unknown[]) => JSON.parse(JSON.stringify(list).replace(/\\"key\\":\\"[a-z0-9]+\\"/g, "<file key>"));
    for (const table of ["contracts", "milestones", "messages", "ledger_entries", "invoices", "notifications", "timesheets", "reviews"]) {
      const sql = `SELECT * FROM ${table} ORDER BY id`;
      expect(masked((await again.execute(sql)).rows), table).toEqual(masked((await client.execute(sql)).rows));
    }
    again.close();
  });
});
