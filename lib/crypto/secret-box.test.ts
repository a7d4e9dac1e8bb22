import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./secret-box";

describe("secret box", () => {
  it("round-trips, with a fresh IV every time", () => {
    const a = encryptSecret("whsec_abc");
    const b = encryptSecret("whsec_abc");
    expect(a).not.toBe(b);
    expect(a).not.toContain("whsec_abc");
    expect(decryptSecret(a)).toBe("whsec_abc");
  });

  it("refuses a tampered ciphertext", () => {
    const sealed = encryptSecret("whsec_abc").split(":");
    sealed[3] = Buffer.from("whsec_xyz").toString("base64");
    expect(() => decryptSecret(sealed.join(":"))).toThrow();
  });
});
