import { expect, test } from "./fixtures";

test("a ping sent through Inngest is completed by the app's smoke function", async ({ account }) => {
  const request = account.api;
  const sent = await request.post("/api/health/inngest");
  expect(sent.status()).toBe(202);
  const { id } = await sent.json();
  await expect
    .poll(async () => (await (await request.get(`/api/health/inngest?id=${id}`)).json()).completedAt, {
      timeout: 20_000,
    })
    .toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
});
