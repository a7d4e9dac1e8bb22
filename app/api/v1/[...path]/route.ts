import { ApiError } from "@/lib/api/errors";
import { withPublic } from "@/lib/api/handler";

const notFound = withPublic(async ({ req }) => {
  throw new ApiError("not_found", `No API route matches ${req.method} ${new URL(req.url).pathname}`);
});

// ANY /api/v1/<unknown> — a JSON 404 instead of the HTML page
export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
