// E-mail through SMTP (SMTP_URL, e.g. smtp://user:pass@mail.example.com:587) or, without it, into
// the log, so that a local run shows what would have been sent.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";
import { logger } from "../logger";

let transport: Transporter | undefined;

export async function sendEmail(message: { to: string; subject: string; text: string }) {
  const url = env.SMTP_URL;
  if (!url) {
    logger.info({ email: message }, "e-mail (SMTP_URL not set, so logged instead of sent)");
    return;
  }
  transport ??= nodemailer.createTransport(url);
  await transport.sendMail({
    from: env.SMTP_FROM,
    ...message,
  });
}
