import { z } from "zod";
import { timestampSchema, type SameShape } from "../shared/views";
import type { NotificationView } from "./center";

export const notificationViewSchema = z.object({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  read: z.boolean(),
  readAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
});

export const notificationViewShape: SameShape<NotificationView, z.infer<typeof notificationViewSchema>> = true;
