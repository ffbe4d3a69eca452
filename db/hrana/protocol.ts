/**
 * Hrana 2/3 JSON structures (docs/HRANA_3_SPEC.md in tursodatabase/libsql) and the parsing of
 * untrusted request bodies into them.
 */

export type Value =
  | { type: "null" }
  | { type: "integer"; value: string }
  | { type: "float"; value: number }
  | { type: "text"; value: string }
  | { type: "blob"; base64: string };

export interface NamedArg {
  name: string;
  value: Value;
}

export interface Stmt {
  sql?: string;
  sql_id?: number;
  args: Value[];
  named_args: NamedArg[];
  want_rows: boolean;
}

export type BatchCond =
  | { type: "ok"; step: number }
  | { type: "error"; step: number }
  | { type: "not"; cond: BatchCond }
  | { type: "and"; conds: BatchCond[] }
  | { type: "or"; conds: BatchCond[] }
  | { type: "is_autocommit" };

export interface BatchStep {
  condition?: BatchCond;
  stmt: Stmt;
}

export interface Batch {
  steps: BatchStep[];
}

/** `sql` or `sql_id`, exactly one of them. */
export interface SqlRef {
  sql?: string;
  sql_id?: number;
}

export type StreamRequest =
  | { type: "close" }
  | { type: "execute"; stmt: Stmt }
  | { type: "batch"; batch: Batch }
  | ({ type: "sequence" } & SqlRef)
  | ({ type: "describe" } & SqlRef)
  | { type: "store_sql"; sql_id: number; sql: string }
  | { type: "close_sql"; sql_id: number }
  | { type: "get_autocommit" };

export interface Col {
  name: string | null;
  decltype: string | null;
}

export interface StmtResult {
  cols: Col[];
  rows: Value[][];
  affected_row_count: number;
  last_insert_rowid: string | null;
}

export interface BatchResult {
  step_results: (StmtResult | null)[];
  step_errors: (HranaErrorBody | null)[];
}

export interface DescribeResult {
  params: { name: string | null }[];
  cols: Col[];
  is_explain: boolean;
  is_readonly: boolean;
}

export type StreamResponse =
  | { type: "close" }
  | { type: "execute"; result: StmtResult }
  | { type: "batch"; result: BatchResult }
  | { type: "sequence" }
  | { type: "describe"; result: DescribeResult }
  | { type: "store_sql" }
  | { type: "close_sql" }
  | { type: "get_autocommit"; is_autocommit: boolean };

export interface HranaErrorBody {
  message: string;
  code: string;
}

export type StreamResult = { type: "ok"; response: StreamResponse } | { type: "error"; error: HranaErrorBody };

export interface PipelineReqBody {
  baton: string | null;
  requests: StreamRequest[];
}

export interface PipelineRespBody {
  baton: string | null;
  base_url: string | null;
  results: StreamResult[];
}

export interface CursorReqBody {
  baton: string | null;
  batch: Batch;
}

export type CursorEntry =
  | { type: "step_begin"; step: number; cols: Col[] }
  | { type: "step_end"; affected_row_count: number; last_insert_rowid: string | null }
  | { type: "step_error"; step: number; error: HranaErrorBody }
  | { type: "row"; row: Value[] }
  | { type: "error"; error: HranaErrorBody };

/** The request body does not follow the protocol; answered with HTTP 400. */
export class ProtocolError extends Error {}

type Json = Record<string, unknown>;

function object(value: unknown, where: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ProtocolError(`${where} must be a JSON object`);
  }
  return value as Json;
}

function array(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new ProtocolError(`${where} must be an array`);
  return value;
}

function string(value: unknown, where: string): string {
  if (typeof value !== "string") throw new ProtocolError(`${where} must be a string`);
  return value;
}

function optString(value: unknown, where: string): string | undefined {
  return value === undefined || value === null ? undefined : string(value, where);
}

function int(value: unknown, where: string): number {
  if (typeof value !== "number" || !Number.isInteger(value)) throw new ProtocolError(`${where} must be an integer`);
  return value;
}

function optInt(value: unknown, where: string): number | undefined {
  return value === undefined || value === null ? undefined : int(value, where);
}

function parseValue(raw: unknown, where: string): Value {
  const v = object(raw, where);
  switch (v.type) {
    case "null":
      return { type: "null" };
    case "integer":
      // Hrana JSON sends integers as strings; some writers send plain numbers.
      if (typeof v.value === "number" && Number.isSafeInteger(v.value)) return { type: "integer", value: String(v.value) };
      return { type: "integer", value: string(v.value, `${where}.value`) };
    case "float":
      if (typeof v.value !== "number") throw new ProtocolError(`${where}.value must be a number`);
      return { type: "float", value: v.value };
    case "text":
      return { type: "text", value: string(v.value, `${where}.value`) };
    case "blob":
      return { type: "blob", base64: string(v.base64, `${where}.base64`) };
    default:
      throw new ProtocolError(`${where}.type ${JSON.stringify(v.type)} is not a Hrana value type`);
  }
}

function parseSqlRef(raw: Json, where: string): SqlRef {
  return { sql: optString(raw.sql, `${where}.sql`), sql_id: optInt(raw.sql_id, `${where}.sql_id`) };
}

function parseStmt(raw: unknown, where: string): Stmt {
  const s = object(raw, where);
  const args = s.args === undefined || s.args === null ? [] : array(s.args, `${where}.args`);
  const named = s.named_args === undefined || s.named_args === null ? [] : array(s.named_args, `${where}.named_args`);
  if (s.want_rows !== undefined && s.want_rows !== null && typeof s.want_rows !== "boolean") {
    throw new ProtocolError(`${where}.want_rows must be a boolean`);
  }
  return {
    ...parseSqlRef(s, where),
    args: args.map((a, i) => parseValue(a, `${where}.args[${i}]`)),
    named_args: named.map((raw, i) => {
      const n = object(raw, `${where}.named_args[${i}]`);
      return { name: string(n.name, `${where}.named_args[${i}].name`), value: parseValue(n.value, `${where}.named_args[${i}].value`) };
    }),
    want_rows: s.want_rows !== false,
  };
}

function parseCond(raw: unknown, where: string): BatchCond {
  const c = object(raw, where);
  switch (c.type) {
    case "ok":
    case "error":
      return { type: c.type, step: int(c.step, `${where}.step`) };
    case "not":
      return { type: "not", cond: parseCond(c.cond, `${where}.cond`) };
    case "and":
    case "or":
      return { type: c.type, conds: array(c.conds, `${where}.conds`).map((x, i) => parseCond(x, `${where}.conds[${i}]`)) };
    case "is_autocommit":
      return { type: "is_autocommit" };
    default:
      throw new ProtocolError(`${where}.type ${JSON.stringify(c.type)} is not a batch condition`);
  }
}

function parseBatch(raw: unknown, where: string): Batch {
  const b = object(raw, where);
  return {
    steps: array(b.steps, `${where}.steps`).map((rawStep, i) => {
      const step = object(rawStep, `${where}.steps[${i}]`);
      const condition =
        step.condition === undefined || step.condition === null ? undefined : parseCond(step.condition, `${where}.steps[${i}].condition`);
      return { condition, stmt: parseStmt(step.stmt, `${where}.steps[${i}].stmt`) };
    }),
  };
}

function parseRequest(raw: unknown, where: string): StreamRequest {
  const r = object(raw, where);
  switch (r.type) {
    case "close":
    case "get_autocommit":
      return { type: r.type };
    case "execute":
      return { type: "execute", stmt: parseStmt(r.stmt, `${where}.stmt`) };
    case "batch":
      return { type: "batch", batch: parseBatch(r.batch, `${where}.batch`) };
    case "sequence":
    case "describe":
      return { type: r.type, ...parseSqlRef(r, where) };
    case "store_sql":
      return { type: "store_sql", sql_id: int(r.sql_id, `${where}.sql_id`), sql: string(r.sql, `${where}.sql`) };
    case "close_sql":
      return { type: "close_sql", sql_id: int(r.sql_id, `${where}.sql_id`) };
    default:
      throw new ProtocolError(`${where}.type ${JSON.stringify(r.type)} is not a stream request type`);
  }
}

function parseBaton(raw: Json): string | null {
  return optString(raw.baton, "baton") ?? null;
}

export function parsePipelineBody(raw: unknown): PipelineReqBody {
  const body = object(raw, "request body");
  return {
    baton: parseBaton(body),
    requests: array(body.requests, "requests").map((r, i) => parseRequest(r, `requests[${i}]`)),
  };
}

export function parseCursorBody(raw: unknown): CursorReqBody {
  const body = object(raw, "request body");
  return { baton: parseBaton(body), batch: parseBatch(body.batch, "batch") };
}
