import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** Rewrites the table of docs/decisions/README.md from the records themselves: `npx tsx scripts/decisions-index.ts`. */
const DIR = resolve(import.meta.dirname, "../docs/decisions");
const INDEX = join(DIR, "README.md");
const rows = readdirSync(DIR)
  .filter((name) => /^\d{3}-[a-z0-9-]+\.md$/.test(name))
  .sort()
  .map((name) => {
    const [title, , date, status] = readFileSync(join(DIR, name), "utf8").split("\n");
    const heading = title.replace(/^# /, "");
    return `| [${heading}](${name}) | ${date.replace("- Date: ", "")} | ${status.replace("- Status: ", "")} |`;
  });
const intro = readFileSync(INDEX, "utf8").split("\n| Record")[0].trimEnd();
writeFileSync(INDEX, `${intro}\n\n| Record | Date | Status |\n| --- | --- | --- |\n${rows.join("\n")}\n`);
