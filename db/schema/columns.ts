import { integer, text } from "drizzle-orm/sqlite-core";
import { newId } from "./ids";

export const idColumn = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => newId());
export const createdAtColumn = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date());
