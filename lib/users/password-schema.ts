// Password change input (form and API): the current password proves it is the account's owner.
import { z } from "zod";
import { passwordSchema } from "../validations/user";

export const changePasswordSchema = z
  .strictObject({
    currentPassword: z
      .string({ error: "is required" })
      .min(1, "is required")
      .max(200, "must be at most 200 characters"),
    newPassword: passwordSchema,
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    message: "must differ from the current password",
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
