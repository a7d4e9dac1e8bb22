import { withPublic } from "@/lib/api/handler";
import { checkHealth } from "@/lib/health/check-health";

// GET /api/health — the app and its database answer
export const GET = withPublic(async () => Response.json(await checkHealth()));
