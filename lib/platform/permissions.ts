// What each of Blue's project roles may do. A user outside the project sees nothing (404).
import type { Role } from "../generated/prisma/client";

export type Capability =
  | "read"
  | "comment"
  | "edit_records" // records, their checklists, assignees, tags and custom field values
  | "manage_lists"
  | "manage_tags"
  | "manage_custom_fields";

const CAPABILITIES: Record<Role, readonly Capability[]> = {
  OWNER: ["read", "comment", "edit_records", "manage_lists", "manage_tags", "manage_custom_fields"],
  ADMIN: ["read", "comment", "edit_records", "manage_lists", "manage_tags", "manage_custom_fields"],
  MEMBER: ["read", "comment", "edit_records", "manage_lists", "manage_tags"],
  CLIENT: ["read", "comment", "edit_records"],
  COMMENT_ONLY: ["read", "comment"],
  VIEW_ONLY: ["read"],
};

export function can(role: Role, capability: Capability): boolean {
  return CAPABILITIES[role].includes(capability);
}

export const CAPABILITY_TEXT: Record<Capability, string> = {
  read: "view this project",
  comment: "comment in this project",
  edit_records: "change records in this project",
  manage_lists: "manage lists in this project",
  manage_tags: "manage tags in this project",
  manage_custom_fields: "manage custom fields in this project",
};
