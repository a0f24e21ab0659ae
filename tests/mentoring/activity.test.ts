import { createHash } from "node:crypto";
import { afterEach, expect, it } from "vitest";
import { analyze } from "../../src/coach/index.js";
import {
  countsForStreak,
  draftHash,
  draftHashKey,
  homeData,
  recordCheck,
  streakOf,
} from "../../src/mentoring/activity.js";
import type { StoreOptions } from "../../src/store/index.js";
import { describeEachBackend, freshDatabase, type TestDatabase } from "../helpers/databases.js";

const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const d of databases.splice(0)) await d.drop();
});
/** A store on a database of its own, dropped after the test. */
async function storeOn(backend: TestDatabase["backend"], options: StoreOptions) {
  const database = await freshDatabase(backend);
  databases.push(database);
  return database.open(options);
}

const DRAFT = "Here is what we learned shipping our first release, and what you can reuse.";

type Check = Parameters<typeof recordCheck>[1];

/** What a /postcheck of `draft` by user U of team T records, with the fields a test sets. */
function checkOf(draft: string, fields: Partial<Check> & Pick<Check, "now">): Check {
  return { teamId: "T", userId: "U", draft, result: analyze(draft), surface: "slash", ...fields };
}

it("keys the draft's hash with a server secret: the stored hash can't confirm a guessed draft", () => {
  const plain = createHash("sha256").update(DRAFT.toLowerCase()).digest("hex");
  const key = draftHashKey([undefined, "", "signing-secret"])!;
  expect(draftHash(DRAFT, key)).not.toBe(plain);
  expect(draftHash(DRAFT, key)).not.toBe(draftHash(DRAFT, draftHashKey(["another-secret"])));
  // Still the same draft whatever its spacing or case.
  expect(draftHash(DRAFT, key)).toBe(draftHash(`  ${DRAFT.toUpperCase()}  `, key));
  expect(draftHashKey([undefined, ""])).toBeUndefined();
});

describeEachBackend("mentee activity", (backend) => {
  it("records the keyed hash, not the plain one", async () => {
    const now = Date.parse("2026-11-25T12:00:00Z");
    const store = await storeOn(backend, { now: () => now });
    const draftKey = draftHashKey(["signing-secret"]);
    await recordCheck(store, checkOf(DRAFT, { now, draftKey }));
    const exported = JSON.stringify(await store.privacy.export("T", "U"));
    expect(exported).toContain(draftHash(DRAFT, draftKey));
    expect(exported).not.toContain(createHash("sha256").update(DRAFT.toLowerCase()).digest("hex"));
  });

  it("counts identical drafts once and ignores very short ones", async () => {
    const now = Date.parse("2026-11-25T12:00:00Z");
    const store = await storeOn(backend, { now: () => now });
    expect(draftHash(DRAFT)).toBe(draftHash(`  ${DRAFT.toUpperCase()}  `));
    expect(countsForStreak("ok")).toBe(false);
    expect(countsForStreak(DRAFT)).toBe(true);
    const first = await recordCheck(store, checkOf(DRAFT, { now }));
    expect(first).toMatch(/first draft checked/);
    await recordCheck(store, checkOf(DRAFT, { surface: "shortcut", now: now + 1000 }));
    await recordCheck(store, checkOf("hi", { now: now + 2000 }));
    expect(await store.checks.count("T", "U")).toBe(3);
    expect(await store.checks.activity("T", "U")).toEqual([now]);
    expect((await streakOf(store, "T", "U", "mentee", now + 3000)).current).toBe(1);
    await store.close();
  });

  it("records a revision that raises the score as growth, shown on the Home data", async () => {
    const now = Date.parse("2026-11-25T12:00:00Z");
    const store = await storeOn(backend, { now: () => now });
    await recordCheck(store, checkOf(DRAFT, { surface: "revise", growth: { scoreDelta: 12 }, now }));
    const home = await homeData(store, "T", "U", now);
    expect(home.growth).toEqual([{ at: now, delta: 12 }]);
    expect(home.trend).toHaveLength(8);
    expect(home.trend.at(-1)).toBe(analyze(DRAFT).score);
    await store.close();
  });
});

describeEachBackend("streak milestones when recording", (backend) => {
  it("come with the week's first counted check, once", async () => {
    const now = Date.parse("2026-11-25T12:00:00Z");
    const store = await storeOn(backend, { now: () => now });
    const week = 7 * 86_400_000;
    for (let w = 3; w >= 1; w--) {
      const draft = `${DRAFT} Week ${w}.`;
      await recordCheck(store, checkOf(draft, { now: now - w * week }));
    }
    const fourth = await recordCheck(store, checkOf(`${DRAFT} This week.`, { now }));
    expect(fourth).toBe("4 weeks in a row of looking at your drafts through your readers' eyes. It shows.");
    const again = await recordCheck(store, checkOf(`${DRAFT} Again.`, { now: now + 1000 }));
    expect(again).toBeUndefined();
    await store.close();
  });
});
