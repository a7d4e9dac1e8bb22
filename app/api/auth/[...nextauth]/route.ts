import { handlers } from "@/lib/auth/auth";

// GET|POST /api/auth/* — Auth.js's own endpoints (csrf, session, credentials callback)
export const { GET, POST } = handlers;
