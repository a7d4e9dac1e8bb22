// Building blocks shared by the resource schemas.
import { z } from "zod";

export const idSchema = z.string({ error: "must be an id" }).min(1, "is required").max(64, "is not a valid id");

export const titleSchema = (max = 500) =>
  z.string({ error: "must be text" }).trim().min(1, "is required").max(max, `must be at most ${max} characters`);

/** An ISO 8601 date-time with offset (or a plain date) → Date; null clears it. */
export const dateTimeSchema = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: "must be an ISO 8601 date or date-time, e.g. 2026-06-05T17:00:00Z",
  })
  .transform((s) => new Date(s));

export const positionSchema = z.number({ error: "must be a number" }).finite("must be a finite number");

export const userIdsSchema = z
  .array(idSchema, { error: "must be a list of user ids" })
  .max(50, "must list at most 50 people")
  .transform((ids) => [...new Set(ids)]);

export const colorSchema = z
  .string({ error: "must be a colour" })
  .regex(/^#[0-9a-fA-F]{6}$/, "must be a hex colour like #1f6fd8");

/** PATCH bodies must change something. */
export const nonEmpty = <T extends object>(value: T) => Object.values(value).some((v) => v !== undefined);
export const NON_EMPTY_MESSAGE = "send at least one field to change";
