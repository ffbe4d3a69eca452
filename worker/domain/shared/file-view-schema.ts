import { z } from "zod";
import type { SameShape } from "./views";
import type { FileView } from "./file-records";

/** An uploaded file as views and the upload answer show it. */
export const fileViewSchema = z.object({
  key: z.string(),
  url: z.url(),
  contentType: z.string(),
  size: z.number().int(),
  name: z.string().nullable(),
});

export const fileViewShape: SameShape<FileView, z.infer<typeof fileViewSchema>> = true;
