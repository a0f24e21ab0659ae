import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPLY_PACING, ReplyPool } from "../../src/slack/reply-pool.js";

/** A response_url host that answers after 30 ms and notes how many replies were open at once. */
async function slowSlack() {
  let open = 0;
  const state = { received: 0, mostAtOnce: 0 };
  const server = http.createServer((req, res) => {
    open++;
    state.mostAtOnce = Math.max(state.mostAtOnce, open);
    req.resume();
    req.on("end", () =>
      setTimeout(() => {
        open--;
        state.received++;
        res.end("ok");
      }, 30),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/response/x`;
  return { url, state, close: () => server.close() };
}

function job(responseUrl: string, n: number) {
  return {
    draft: `Draft ${n}: what we learned shipping the new onboarding flow, and what we'd change.`,
    typedOptions: {},
    teamId: "T1",
    userId: `U${n}`,
    channelId: "C1",
    responseUrl,
    canAskTeammate: true,
    record: true,
    returnResult: false,
  };
}

describe("ReplyPool pacing", () => {
  const dir = mkdtempSync(join(tmpdir(), "postcoach-pool-"));
  const pool = new ReplyPool({ databasePath: join(dir, "pool.db") }, { sampleBusy: false });
  let slack: Awaited<ReturnType<typeof slowSlack>>;

  beforeAll(async () => {
    slack = await slowSlack();
  });
  afterAll(async () => {
    await pool.close();
    slack.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("sends replies side by side while the main thread has time", async () => {
    pool.reportBusy(0);
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, n) => pool.send(job(slack.url, n))));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(slack.state.mostAtOnce).toBeGreaterThanOrEqual(6);
  });

  it("sends them one at a time, with a pause, while the main thread is saturated, and still sends them all", async () => {
    slack.state.mostAtOnce = 0;
    pool.reportBusy(REPLY_PACING.busyPermille + 100);
    const started = Date.now();
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, (_, n) => pool.send(job(slack.url, 100 + n))),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(slack.state.mostAtOnce).toBe(1);
    // Six replies of 30 ms each, one after another, with a pause before each.
    expect(Date.now() - started).toBeGreaterThanOrEqual(6 * (30 + REPLY_PACING.pauseMs));
  });

  it("goes back to full speed as soon as the main thread has time again", async () => {
    slack.state.mostAtOnce = 0;
    pool.reportBusy(REPLY_PACING.busyPermille + 100);
    const pending = Array.from({ length: 12 }, (_, n) => pool.send(job(slack.url, 200 + n)));
    await new Promise((r) => setTimeout(r, 20));
    pool.reportBusy(0);
    expect((await Promise.all(pending)).every((o) => o.ok)).toBe(true);
    expect(slack.state.mostAtOnce).toBeGreaterThanOrEqual(6);
  });
});
