import { describe, expect, it } from "vitest";
import { parseStartOptions } from "./start-options";

describe("parseStartOptions", () => {
  it("npm start (production) seeds no demo accounts and keeps webhooks off loopback", () => {
    expect(parseStartOptions(["--production"])).toMatchObject({
      production: true,
      seedDemo: false,
      allowLoopbackWebhooks: false,
      singleProcess: false,
    });
  });

  it("npm run dev seeds the demo accounts into an empty database", () => {
    expect(parseStartOptions([])).toMatchObject({ production: false, seedDemo: true, allowLoopbackWebhooks: true });
  });

  it("a production start seeds them only when asked to with --seed-demo", () => {
    expect(parseStartOptions(["--production", "--seed-demo"]).seedDemo).toBe(true);
  });

  it("reads the database name and the throwaway-data flags", () => {
    expect(parseStartOptions(["--production", "--database", "blue_e2e", "--fresh", "--durable"])).toMatchObject({
      database: "blue_e2e",
      fresh: true,
      durable: true,
    });
  });
});
