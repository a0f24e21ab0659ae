import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";

// Slack documents tokens_revoked as `tokens: { oauth?: string[], bot?: string[] }` (user ids).
// A signed event without `tokens` must be acknowledged and ignored with one debug line (issue 10),
// and only a list of bot user ids may count as the bot's token being revoked.
describe("tokens_revoked with malformed tokens", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it("ignores an event without tokens: no TypeError logged at error", async () => {
    const before = h.logs.length;
    expect((await h.event({ type: "tokens_revoked" }, "EvTR1")).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    const logged = h.logs.slice(before).join("\n");
    expect(logged).not.toMatch(/Cannot read properties/);
    expect(logged).not.toMatch(/ERROR postcoach/);
    expect(logged).toMatch(/DEBUG postcoach ignored a tokens_revoked event with tokens not object/);
  });

  it("does not schedule the workspace's data for deletion when `bot` is not a list of user ids", async () => {
    for (const [i, bot] of (["x", [null], [42]] as unknown[]).entries()) {
      expect((await h.event({ type: "tokens_revoked", tokens: { bot } }, `EvTR2${i}`)).status).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(await h.store.workspaces.pendingRemoval("T1")).toBeUndefined();
  });
});
