import { withEvents } from "../events/outbox";
import { projectAccess } from "../platform/access";
import { loadCustomFieldValue } from "../platform/load-values";
import { after } from "../platform/positions";
import type { CreateCustomFieldInput } from "../validations/custom-field";
import { normaliseOptions } from "./custom-field-options";

export async function createCustomField(userId: string, projectId: string, input: CreateCustomFieldInput) {
  return withEvents(userId, async (tx, emit) => {
    const access = await projectAccess(tx, userId, projectId, "manage_custom_fields");
    const { _max } = await tx.customField.aggregate({ where: { projectId }, _max: { position: true } });
    const field = await tx.customField.create({
      data: {
        projectId,
        name: input.name,
        type: input.type,
        description: input.description ?? "",
        options: normaliseOptions(input.options),
        currency: input.currency ?? (input.type === "CURRENCY" ? "EUR" : null),
        position: after(_max.position),
      },
    });
    const value = await loadCustomFieldValue(tx, field.id);
    emit({ type: "CUSTOM_FIELD_CREATED", ...access, previousValue: null, currentValue: value });
    return value;
  });
}
