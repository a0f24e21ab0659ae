import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { types } from "@slack/bolt";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { RULES_BY_ID } from "../../src/coach/index.js";
import { buildDigest, type DigestTarget } from "../../src/digest/build.js";
import { slotInWeek } from "../../src/digest/calendar.js";
import { dayOfDate } from "../../src/mentoring/weeks.js";
import { digestPlain, MAX_NAMED_MENTORS } from "../../src/slack/digest.js";
import { createSqliteStore, type Store } from "../../src/store/index.js";
import { seedCheck } from "../helpers/digest.js";

/** The plain digest, with Intl's thin spaces around date ranges made plain. */
const plain = (message: Parameters<typeof digestPlain>[0]) => digestPlain(message).replace(/\u2009/g, " ");

const DAY = 86_400_000;
const TZ = "Europe/Paris";
/** Monday 2026-11-30 09:00 in Paris: the digest covers Monday 23 to Sunday 29 November. */
const SLOT = slotInWeek(dayOfDate("2026-11-30"), { weekday: 1, minute: 540, tz: TZ });
const LAST_WEEK = SLOT - 3 * DAY;
const WEEK_BEFORE = LAST_WEEK - 7 * DAY;

const dir = mkdtempSync(join(tmpdir(), "postcoach-digest-blocks-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let store: Store;
beforeEach(async () => {
  await store?.close();
  store = createSqliteStore(join(dir, `${Math.random().toString(36).slice(2)}.db`));
});

const target = (over: Partial<DigestTarget> = {}): DigestTarget => ({
  teamId: "T1",
  channelId: "C1",
  slotAt: SLOT,
  tz: TZ,
  language: "auto",
  ...over,
});

async function mentoring(author: string, mentors: string[], at: number, ts: string) {
  await store.mentoring.recordRequest("T1", "C1", ts, author, at);
  const request = (await store.mentoring.request("T1", "C1", ts))!;
  for (const [i, m] of mentors.entries())
    await store.mentoring.recordReply("T1", request.id, m, `${ts}${i}`, at + 1000);
}

/** Block Kit's documented limits for the blocks the digest uses. */
function expectWithinBlockKitLimits(message: { text: string; blocks: types.KnownBlock[] }) {
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  expect(message.text.length).toBeLessThanOrEqual(4000);
  for (const b of message.blocks) {
    if (b.type === "header") expect((b as types.HeaderBlock).text.text.length).toBeLessThanOrEqual(150);
    if (b.type === "section") {
      const s = b as types.SectionBlock;
      expect(s.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
      expect(s.fields?.length ?? 0).toBeLessThanOrEqual(10);
      for (const f of s.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(2000);
    }
    if (b.type === "context") {
      const c = b as types.ContextBlock;
      expect(c.elements.length).toBeLessThanOrEqual(10);
      for (const e of c.elements) expect((e as { text: string }).text.length).toBeLessThanOrEqual(3000);
    }
  }
}

describe("the weekly digest's message", () => {
  it("gives the week's numbers and their change, the trend, what came up most with its guidance, a question and thanks", async () => {
    await seedCheck(store, {
      user: "U1",
      channel: "C1",
      at: LAST_WEEK,
      score: 40,
      findings: ["self-congratulation", "bragging"],
    });
    await seedCheck(store, {
      user: "U1",
      channel: "C1",
      at: LAST_WEEK + 1,
      score: 70,
      findings: ["self-congratulation"],
    });
    await seedCheck(store, { user: "U2", channel: "C1", at: LAST_WEEK + 2, score: 80 });
    await seedCheck(store, { user: "U3", channel: "C1", at: WEEK_BEFORE, score: 50 });
    for (let week = 2; week < 8; week++)
      await seedCheck(store, { user: "U4", channel: "C1", at: LAST_WEEK - week * 7 * DAY, score: 30 });
    // Another channel and another workspace never count here.
    await seedCheck(store, { user: "U9", channel: "C2", at: LAST_WEEK, score: 10 });
    await seedCheck(store, { team: "T2", user: "U9", channel: "C1", at: LAST_WEEK, score: 10 });
    await mentoring("U1", ["U2", "U3"], LAST_WEEK, "100.1");
    await store.users.update("T1", "U2", { showInDigest: true });
    const message = await buildDigest(store, target());
    const text = plain(message);
    expect(message.lang).toBe("en");
    expect(text).toContain("Last week, November 23 – 29");
    expect(text).toContain("*Drafts checked*: 3 (+2)");
    expect(text).toContain("*People*: 2 (+1)");
    expect(text).toContain("*Average score*: 63/100 (+13)");
    expect(text).toContain("*Feedback requests*: 1 (+1)");
    expect(text).toContain("*Replies from teammates*: 2 (+2)");
    expect(text).toMatch(/Last 8 weeks: drafts checked `[▁-█·]{8}` · average score `[▁-█·]{8}`/);
    expect(text).toContain("*What came up most* (in 2 of 3 drafts)");
    const rule = RULES_BY_ID.get("self-congratulation")!.texts.en.default!;
    expect(text).toContain(rule.message);
    expect(text).toContain(`> ${rule.suggestion}`);
    expect(text).toContain("*A question for the channel:* What do we think, in our own words");
    expect(text).toContain("Thank you to <@U2> and 1 more teammate for 2 replies to feedback requests.");
    expect(text).not.toMatch(/U3|U9|U1\b/);
    expect(message.text).toBe("postcoach weekly digest: 3 drafts checked by 2 people last week.");
    expectWithinBlockKitLimits(message);
  });

  it("never shows a draft, even one its author chose to keep", async () => {
    await store.users.update("T1", "U1", { storeDrafts: true });
    await seedCheck(store, {
      user: "U1",
      channel: "C1",
      at: LAST_WEEK,
      score: 20,
      findings: ["bragging"],
      draftText: "Thrilled to share my SECRET-PROMOTION news",
    });
    expect(JSON.stringify(await buildDigest(store, target()))).not.toContain("SECRET-PROMOTION");
  });

  it("is in French when most drafts here are, unless the channel chose a language", async () => {
    for (const [i, language] of (["fr", "fr", "en"] as const).entries())
      await seedCheck(store, {
        user: `U${i}`,
        channel: "C1",
        at: LAST_WEEK + i,
        language,
        findings: ["bragging"],
      });
    const fr = await buildDigest(store, target());
    expect(fr.lang).toBe("fr");
    const text = plain(fr);
    expect(text).toContain("postcoach : le point de la semaine");
    expect(text).toContain("La semaine dernière, 23–29 novembre");
    expect(text).toContain("*Brouillons vérifiés*: 3 (+3)");
    expect(text).toContain(RULES_BY_ID.get("bragging")!.texts.fr.default!.message);
    expect(text).toContain("*Une question pour le canal :*");
    expect(plain(await buildDigest(store, target({ language: "en" })))).toContain("*Drafts checked*: 3");
  });

  it("says a quiet week kindly, without numbers", async () => {
    const message = await buildDigest(store, target());
    const text = plain(message);
    expect(text).toContain("A quiet week here: no drafts checked.");
    expect(text).not.toContain("Drafts checked*");
    expect(message.text).toBe("postcoach weekly digest: a quiet week.");
  });

  it("posted on a Friday, wraps up the week so far and compares with the same days", async () => {
    const friday = slotInWeek(dayOfDate("2026-11-30"), { weekday: 5, minute: 16 * 60, tz: TZ });
    await seedCheck(store, { user: "U1", channel: "C1", at: friday - DAY });
    await seedCheck(store, { user: "U1", channel: "C1", at: friday + 1 });
    const text = plain(await buildDigest(store, target({ slotAt: friday })));
    expect(text).toContain("This week so far, November 30 – December 4");
    expect(text).toContain("*Drafts checked*: 1 (+1)");
    expect(text).toContain("Changes are from the same days last week.");
  });

  it("thanks mentors by id order, never by how much they did, and stays within Block Kit's limits", async () => {
    const mentors = Array.from({ length: 500 }, (_, i) => `U${String(i).padStart(4, "0")}`);
    await mentoring("UAUTHOR", [...mentors].reverse(), LAST_WEEK, "200.1");
    for (const m of mentors) await store.users.update("T1", m, { showInDigest: true });
    const message = await buildDigest(store, target());
    const text = plain(message);
    const named = [...text.matchAll(/<@(U\d+)>/g)].map((m) => m[1]);
    expect(named).toEqual(mentors.slice(0, MAX_NAMED_MENTORS));
    expect(text).toContain(`and ${500 - MAX_NAMED_MENTORS} more teammates for 500 replies`);
    expectWithinBlockKitLimits(message);
  });
});
