import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";
import { PageServer } from "../helpers/page-server.js";

describe("when the disk is full", () => {
  let h: Harness;
  const pages = new PageServer();
  beforeAll(async () => {
    await pages.start();
    h = await startHarness({ LINK_FETCH_ALLOWLIST: "localhost" });
    const full = () =>
      Promise.reject(Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" }));
    h.store.events.claim = full;
    h.store.settings.channel = full;
    h.store.settings.setChannelFeedback = full;
  });
  afterAll(async () => {
    await h.stop();
    await pages.stop();
  });

  it("still coaches a shared link once, retries included, and logs a warning", async () => {
    const event = {
      type: "message",
      channel: "C1",
      channel_type: "channel",
      user: "U1",
      text: `<http://localhost:${pages.port}/article>`,
      ts: "1700000500.000100",
    };
    await h.event(event, "EvFULL");
    await h.event(event, "EvFULL", { retryNum: 1 });
    await h.fake.waitForCall("chat.postEphemeral");
    await new Promise((r) => setTimeout(r, 150));
    expect(h.fake.callsTo("chat.postEphemeral")).toHaveLength(1);
    expect(h.logs.join("")).toMatch(/dedupe store unavailable/);
  });

  it("still coaches /postcheck, and says kindly when a setting cannot be saved", async () => {
    await h.command("We shipped it.", "full1");
    expect((await h.fake.waitForResponse("full1")).body.blocks).toBeDefined();
    await h.command("channel feedback on", "full2");
    expect(String((await h.fake.waitForResponse("full2")).body.text)).toMatch(/couldn't save that setting/);
  });
});
