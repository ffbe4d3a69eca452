import { randomBytes } from "node:crypto";
import { HranaError } from "./errors";
import type { Value } from "./protocol";

/** What the `libsql` package binds and returns (with safe integers on). */
export type SqlValue = null | bigint | number | string | Buffer;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export function valueFromHrana(value: Value): SqlValue {
  switch (value.type) {
    case "null":
      return null;
    case "integer": {
      if (!/^-?\d+$/.test(value.value)) throw new HranaError(`Invalid integer value ${JSON.stringify(value.value)}`, "SQLITE_MISMATCH");
      const n = BigInt(value.value);
      if (n < INT64_MIN || n > INT64_MAX) throw new HranaError(`Integer ${value.value} does not fit in 64 bits`, "SQLITE_RANGE");
      return n;
    }
    case "float":
      return value.value;
    case "text":
      return value.value;
    case "blob":
      return Buffer.from(value.base64, "base64");
  }
}

export function valueToHrana(value: unknown): Value {
  if (value === null || value === undefined) return { type: "null" };
  if (typeof value === "bigint") return { type: "integer", value: value.toString() };
  if (typeof value === "number") return { type: "float", value };
  if (typeof value === "string") return { type: "text", value };
  if (value instanceof Uint8Array)
    return { type: "blob", base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") };
  if (value instanceof ArrayBuffer) return { type: "blob", base64: Buffer.from(value).toString("base64") };
  throw new HranaError(`Cannot encode a ${typeof value} column value`, "INTERNAL_ERROR");
}

// JSON has no Infinity, but JSON.parse reads 1e999 as Infinity, which is what SQLite's 9e999 is.
const INFINITY_MARK = `__local_db_inf_${randomBytes(12).toString("hex")}`;
const INFINITY_PATTERN = new RegExp(`"${INFINITY_MARK}([+-])"`, "g");

/** JSON.stringify that keeps infinite floats readable by a JSON.parse on the other side. */
export function encodeJson(body: unknown): string {
  const text = JSON.stringify(body, (_key, v: unknown) =>
    typeof v === "number" && !Number.isFinite(v) && !Number.isNaN(v) ? `${INFINITY_MARK}${v > 0 ? "+" : "-"}` : v,
  );
  return text.includes(INFINITY_MARK) ? text.replace(INFINITY_PATTERN, (_m, sign: string) => (sign === "+" ? "1e999" : "-1e999")) : text;
}
