import { serve } from "inngest/next";
import { functions } from "@/inngest";
import { inngest } from "@/inngest/client";

// GET|POST|PUT /api/inngest — Inngest's endpoint: sync, and calls that run the functions
export const { GET, POST, PUT } = serve({ client: inngest, functions });
