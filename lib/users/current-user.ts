import { cache } from "react";
import { currentUserId } from "../auth/auth";
import { getUser } from "./get-user";

/** The signed-in person in a server render, read once per request (the layout and i18n share it). */
export const currentUser = cache(async () => {
  const userId = await currentUserId();
  return userId ? getUser(userId) : null;
});
