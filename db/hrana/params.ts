import { HranaError } from "./errors";

/**
 * What a SQL text says about its parameters, found with SQLite's own tokenizer rules. The `libsql`
 * package can only bind by position safely (binding an object aborts the process when the statement
 * also has `?` parameters), so named arguments are turned into positions here.
 */
export interface SqlScan {
  /** Highest parameter index in the first statement (SQLite's `sqlite3_bind_parameter_count`). */
  paramCount: number;
  /** Parameter name with its prefix (`:id`, `@id`, `$id`, `?3`) → 1-based index. */
  names: Map<string, number>;
  /** Indexes that actually appear in the statement. */
  used: Set<number>;
  /** Upper-cased first keyword, e.g. `SELECT`, `EXPLAIN`. */
  firstKeyword: string;
  /** Only whitespace, comments and semicolons. */
  empty: boolean;
  /** Another statement follows the first one; only the first would run. */
  hasMoreStatements: boolean;
}

function isIdChar(c: string): boolean {
  return /[A-Za-z0-9_$]/.test(c) || c.charCodeAt(0) >= 0x80;
}

function isSpace(c: string): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" || c === "\v";
}

/** Length of the variable token starting at `i` with `:`, `@`, `$` or `#` (0 when it is not one). */
function variableLength(sql: string, i: number): number {
  let j = i + 1;
  let n = 0;
  while (j < sql.length) {
    const c = sql[j];
    if (isIdChar(c)) {
      n++;
      j++;
    } else if (c === "(" && n > 0) {
      while (j < sql.length && !isSpace(sql[j]) && sql[j] !== ")") j++;
      return sql[j] === ")" ? j + 1 - i : 0;
    } else if (c === ":" && sql[j + 1] === ":") {
      j += 2;
    } else {
      break;
    }
  }
  return n === 0 ? 0 : j - i;
}

export function scanSql(sql: string): SqlScan {
  const names = new Map<string, number>();
  const used = new Set<number>();
  const keywords: string[] = [];
  let paramCount = 0;
  let ended = false;
  let hasMoreStatements = false;
  let empty = true;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? sql.length : end + 1;
      continue;
    }
    if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end === -1 ? sql.length : end + 2;
      continue;
    }
    if (c === ";") {
      // Trigger bodies hold `;` (and cannot have parameters), so a trigger is scanned to the end.
      if (!isCreateTrigger(keywords)) ended = true;
      i++;
      continue;
    }
    if (ended) {
      hasMoreStatements = true;
      break;
    }
    empty = false;
    if (c === "'" || c === '"' || c === "`") {
      i = skipQuoted(sql, i, c);
    } else if (c === "[") {
      const end = sql.indexOf("]", i);
      i = end === -1 ? sql.length : end + 1;
    } else if (c === "?") {
      let j = i + 1;
      while (j < sql.length && sql[j] >= "0" && sql[j] <= "9") j++;
      let index: number;
      if (j > i + 1) {
        index = Number(sql.slice(i + 1, j));
        if (index < 1 || index > 32766) throw new HranaError(`Parameter index ${sql.slice(i, j)} is out of range`, "SQLITE_RANGE");
        names.set(sql.slice(i, j), index);
      } else {
        index = paramCount + 1;
      }
      paramCount = Math.max(paramCount, index);
      used.add(index);
      i = j;
    } else if ((c === ":" || c === "@" || c === "$" || c === "#") && variableLength(sql, i) > 0) {
      const name = sql.slice(i, i + variableLength(sql, i));
      let index = names.get(name);
      if (index === undefined) {
        index = ++paramCount;
        names.set(name, index);
      }
      used.add(index);
      i += name.length;
    } else if (isIdChar(c)) {
      let j = i + 1;
      while (j < sql.length && isIdChar(sql[j])) j++;
      if (keywords.length < 4) keywords.push(sql.slice(i, j).toUpperCase());
      i = j;
    } else {
      i++;
    }
  }
  return { paramCount, names, used, firstKeyword: keywords[0] ?? "", empty, hasMoreStatements };
}

function skipQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return sql.length;
}

function isCreateTrigger(keywords: string[]): boolean {
  if (keywords[0] !== "CREATE") return false;
  const next = keywords[1] === "TEMP" || keywords[1] === "TEMPORARY" ? keywords[2] : keywords[1];
  return next === "TRIGGER";
}

/**
 * Places positional and named arguments at their parameter indexes. Named arguments win over
 * positional ones; a name without a prefix matches `:name`, `@name` or `$name`.
 */
export function bindArguments<T>(scan: SqlScan, args: T[], namedArgs: { name: string; value: T }[]): (T | null)[] {
  if (args.length > scan.paramCount) {
    throw new HranaError(
      `The statement has ${scan.paramCount} parameter(s) but ${args.length} positional argument(s) were given`,
      "ARGS_INVALID",
    );
  }
  const bound: (T | null | undefined)[] = new Array(scan.paramCount).fill(undefined);
  args.forEach((value, i) => (bound[i] = value));
  for (const { name, value } of namedArgs) {
    const index = /^[:@$?#]/.test(name)
      ? scan.names.get(name)
      : [":", "@", "$"].map((p) => scan.names.get(p + name)).find((x) => x !== undefined);
    if (index === undefined) throw new HranaError(`The statement has no parameter named ${JSON.stringify(name)}`, "ARGS_INVALID");
    bound[index - 1] = value;
  }
  for (const index of scan.used) {
    if (bound[index - 1] === undefined) {
      const name = [...scan.names].find(([, i]) => i === index)?.[0] ?? `?${index}`;
      throw new HranaError(`Missing argument for parameter ${name}`, "ARGS_INVALID");
    }
  }
  return bound.map((v) => (v === undefined ? null : v));
}
