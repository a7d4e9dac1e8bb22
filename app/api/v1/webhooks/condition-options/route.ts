import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readQuery } from "@/lib/api/request";
import { respond } from "@/lib/api/response";
import { conditionOptions } from "@/lib/conditions/condition-options";
import { conditionOptionsQuery, conditionOptionsResponse } from "@/lib/validations/webhook-conditions";

// GET /api/v1/webhooks/condition-options — lists, tags, people and custom fields for conditions
export const GET = withUser(async ({ req, user }) =>
  respond(conditionOptionsResponse, await conditionOptions(user.id, readQuery(req, conditionOptionsQuery))),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
