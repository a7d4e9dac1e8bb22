import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { ApiClientError } from "@/lib/client/api-client";

/** Put the API's field errors on the form's fields; true when at least one was placed. */
export function applyFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: Path<T>[],
) {
  if (!(error instanceof ApiClientError) || !error.fields) return false;
  let placed = false;
  for (const [name, messages] of Object.entries(error.fields)) {
    if ((fields as string[]).includes(name)) {
      setError(name as Path<T>, { message: messages[0] });
      placed = true;
    }
  }
  return placed;
}
