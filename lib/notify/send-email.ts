// E-mail through SMTP (SMTP_URL, e.g. smtp://user:pass@mail.example.com:587) or, without it, into
// the log, so that a local run shows what would have been sent.
import nodemailer, { type Transporter } from "nodemailer";
import { logger } from "../logger";

let transport: Transporter | undefined;

export async function sendEmail(message: { to: string; subject: string; text: string }) {
  const url = process.env.SMTP_URL;
  if (!url) {
    logger.info({ email: message }, "e-mail (SMTP_URL not set, so logged instead of sent)");
    return;
  }
  transport ??= nodemailer.createTransport(url);
  await transport.sendMail({
    from: process.env.SMTP_FROM ?? "Blue Webhooks <no-reply@blue-webhooks.local>",
    ...message,
  });
}
