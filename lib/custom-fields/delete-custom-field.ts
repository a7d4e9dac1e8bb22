import { withEvents } from "../events/outbox";
import { customFieldAccess } from "../platform/access";
import { loadCustomFieldValue } from "../platform/load-values";

/** Delete a custom field with every record's value for it. */
export async function deleteCustomField(userId: string, id: string) {
  await withEvents(userId, async (tx, emit) => {
    const access = await customFieldAccess(tx, userId, id, "manage_custom_fields");
    const before = await loadCustomFieldValue(tx, id);
    await tx.customField.delete({ where: { id } });
    emit({ type: "CUSTOM_FIELD_DELETED", ...access, previousValue: before, currentValue: null });
  });
}
