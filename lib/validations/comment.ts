import { z } from "zod";

export const commentSchema = z.strictObject({
  text: z
    .string({ error: "must be text" })
    .trim()
    .min(1, "is required")
    .max(10_000, "must be at most 10000 characters"),
});
export type CommentInput = z.infer<typeof commentSchema>;
