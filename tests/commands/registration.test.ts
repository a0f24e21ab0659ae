import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";
import { blockActionPayload } from "../helpers/slack-requests.js";

/** What the registration of Bolt's listeners promises, on the real app over HTTP. */
describe("the listeners as registered with Bolt", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it("acknowledges at once a button no listener knows (a message from an older version)", async () => {
    const started = Date.now();
    const res = await h.interact(
      blockActionPayload("retired_button", "v", { responseUrl: h.fake.responseUrl("z") }),
    );
    expect(res.status).toBe(200);
    // Unacknowledged, Bolt would hold the request ~3 s and Slack would show an error.
    expect(Date.now() - started).toBeLessThan(1000);
    expect(h.logs.join("")).not.toMatch(/acknowledged more than once|multiple/i);
  });

  it("answers an event once, its retries included, in whichever listener and the Assistant's", async () => {
    const dm = {
      type: "message",
      channel: "DONCE",
      channel_type: "im",
      user: "U1",
      text: "We shipped the release after a long month.",
      ts: "1700000500.000100",
    };
    await h.event(dm, "EvONCE");
    await h.event(dm, "EvONCE", { retryNum: 1 });
    const thread = { ...dm, ts: "1700000500.000200", thread_ts: "1700000500.000100" };
    await h.event(thread, "EvONCE2");
    await h.event(thread, "EvONCE2", { retryNum: 2 });
    await h.fake.waitFor(() => h.fake.messages.filter((m) => m.channel === "DONCE").length >= 2 || undefined);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.messages.filter((m) => m.channel === "DONCE")).toHaveLength(2);
    expect(h.logs.filter((l) => /ignored a repeated delivery/.test(l))).toHaveLength(2);
  });
});
