/**
 * Prepares the search-in-any-script scenarios: the large market is written in English, so one project in 50 and
 * one freelancer in 50 have their titles and headlines rewritten in Chinese, Japanese or Arabic through plain
 * UPDATEs (the index triggers keep the word and trigram indexes current, as any edit does). Runs once; a second
 * call finds the work done.
 */
import { createClient } from "@libsql/client";
import type { PrepareContext } from "./matching-setup";

const PROJECT_TITLES = ["为我们公司开发移动应用和管理后台：", "スマートフォンアプリ開発のお願い：", "نبحث عن مطور لتطبيقات الجوال: "];
const HEADLINES = ["移动应用开发工程师，", "アプリ開発エンジニア、", "مطور تطبيقات الجوال، "];

export async function prepareScriptSearchScenario({ databaseUrl }: PrepareContext) {
  const db = createClient({ url: databaseUrl });
  try {
    const { rows } = await db.execute("SELECT count(*) AS n FROM projects WHERE title LIKE '为我们公司开发移动应用%'");
    if (Number(rows[0].n) === 0) {
      await db.batch(
        [
          ...PROJECT_TITLES.map((prefix, i) => ({
            sql: "UPDATE projects SET title = ? || title WHERE rowid % 150 = ?",
            args: [prefix, i * 50],
          })),
          ...HEADLINES.map((prefix, i) => ({
            sql: "UPDATE freelancer_profiles SET headline = ? || headline WHERE rowid % 150 = ?",
            args: [prefix, i * 50],
          })),
        ],
        "write",
      );
    }
    return {};
  } finally {
    db.close();
  }
}
