import { ApiError } from "../api/errors";
import { withEvents } from "../events/outbox";
import { customFieldAccess } from "../platform/access";
import { loadCustomFieldValue } from "../platform/load-values";
import type { UpdateCustomFieldInput } from "../validations/custom-field";
import { normaliseOptions } from "./custom-field-options";

/** Rename, describe, or change the options of a custom field (its type never changes). */
export async function updateCustomField(userId: string, id: string, input: UpdateCustomFieldInput) {
  return withEvents(userId, async (tx, emit) => {
    const access = await customFieldAccess(tx, userId, id, "manage_custom_fields");
    const before = await loadCustomFieldValue(tx, id);
    const select = before.type === "SELECT_SINGLE" || before.type === "SELECT_MULTI";
    if (input.options && !select)
      throw ApiError.field("options", "only SELECT_SINGLE and SELECT_MULTI fields have options");
    if (input.options && input.options.length === 0)
      throw ApiError.field("options", "a select field needs at least one option");
    if (input.currency && before.type !== "CURRENCY")
      throw ApiError.field("currency", "only CURRENCY fields have a currency");
    await tx.customField.update({
      where: { id },
      data: {
        name: input.name,
        description: input.description,
        currency: input.currency,
        options: input.options ? normaliseOptions(input.options) : undefined,
      },
    });
    const current = await loadCustomFieldValue(tx, id);
    const { updatedAt: _a, ...b } = before;
    const { updatedAt: _c, ...c } = current;
    if (JSON.stringify(b) !== JSON.stringify(c)) {
      emit({ type: "CUSTOM_FIELD_UPDATED", ...access, previousValue: before, currentValue: current });
    }
    return current;
  });
}
