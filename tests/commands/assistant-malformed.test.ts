import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";

/**
 * Signed assistant events without the thread Bolt's Assistant needs (its channel and thread_ts)
 * are acknowledged and ignored with one debug line each (issue 10), not two ERROR lines from
 * Bolt's Assistant middleware after the ack.
 */
describe("malformed assistant events", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it("are acknowledged and ignored with one debug line each", async () => {
    const events = [
      { type: "assistant_thread_started", event_ts: "1700000001.000100" },
      { type: "assistant_thread_started", assistant_thread: {}, event_ts: "1700000001.000200" },
      { type: "assistant_thread_context_changed", assistant_thread: null, event_ts: "1700000001.000300" },
      {
        type: "message",
        channel: "D0ASSIST",
        channel_type: "im",
        user: "U1",
        text: "a draft",
        ts: "1700000001.000400",
        thread_ts: null,
      },
    ];
    const before = h.logs.length;
    for (const [i, event] of events.entries()) expect((await h.event(event, `EvAM${i}`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    const logged = h.logs.slice(before);
    expect(logged.filter((l) => / (ERROR|WARN) /.test(l))).toEqual([]);
    expect(logged.filter((l) => /DEBUG postcoach ignored an assistant/.test(l))).toHaveLength(events.length);
    expect(
      h.fake.calls.filter((c) => c.method.startsWith("assistant.") || c.method === "chat.postMessage"),
    ).toEqual([]);
  });
});
