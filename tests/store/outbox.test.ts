import { expect, it } from "vitest";
import type { OutboxEntry } from "../../src/store/index.js";
import { describeEachBackend, freshStoreEach } from "../helpers/databases.js";

const NOW = Date.parse("2026-11-26T12:00:00Z");
const LEASE = 5_000;

function owed(id: string, over: Partial<OutboxEntry> = {}): Omit<OutboxEntry, "attempts"> {
  return {
    teamId: "T1",
    id,
    userId: "U1",
    job: JSON.stringify({ id }),
    createdAt: NOW,
    expiresAt: NOW + 30 * 60_000,
    ...over,
  };
}

describeEachBackend("the reply outbox", (backend) => {
  const fresh = freshStoreEach(backend);

  it("keeps a reply owed while its owner holds it, hands it over once the lease runs out, forgets it once done", async () => {
    await fresh.store.outbox.add(owed("a"), "p1", NOW + LEASE);
    expect(await fresh.store.outbox.claim("p2", NOW, NOW + LEASE, 10)).toEqual([]);
    // p1 renews while it works; p2 still cannot take it.
    expect(await fresh.store.outbox.renew("T1", "a", "p1", NOW + 2 * LEASE)).toBe(true);
    expect(await fresh.store.outbox.claim("p2", NOW + LEASE, NOW + 2 * LEASE, 10)).toEqual([]);
    // p1 died: after its lease, p2 takes it, one attempt more, and p1 can no longer renew it.
    const [taken] = await fresh.store.outbox.claim("p2", NOW + 2 * LEASE, NOW + 3 * LEASE, 10);
    expect(taken).toMatchObject({ teamId: "T1", id: "a", userId: "U1", attempts: 1, job: '{"id":"a"}' });
    expect(await fresh.store.outbox.renew("T1", "a", "p1", NOW + 9 * LEASE)).toBe(false);
    await fresh.store.outbox.done("T1", "a");
    expect(await fresh.store.outbox.claim("p3", NOW + 9 * LEASE, NOW + 10 * LEASE, 10)).toEqual([]);
  });

  it("retries a failed attempt from the time set, keeping its error; drops what expired unanswered", async () => {
    await fresh.store.outbox.add(owed("a"), "p1", NOW + LEASE);
    await fresh.store.outbox.add(owed("old", { createdAt: NOW - 40 * 60_000, expiresAt: NOW - 1 }), "p1", 0);
    await fresh.store.outbox.release("T1", "a", "p1", NOW + 60_000, "ratelimited");
    expect(await fresh.store.outbox.claim("p2", NOW + 59_999, NOW + 70_000, 10)).toEqual([]);
    expect((await fresh.store.outbox.claim("p2", NOW + 60_000, NOW + 70_000, 10)).map((e) => e.id)).toEqual([
      "a",
    ]);
    const [row] = await fresh.db.query<{ last_error: string }>(
      "SELECT last_error FROM reply_outbox WHERE id = 'a'",
    );
    expect(row?.last_error).toBe("ratelimited");
    expect(await fresh.store.outbox.purgeExpired(NOW)).toBe(1);
    expect(await fresh.db.query("SELECT id FROM reply_outbox WHERE id = 'old'")).toEqual([]);
  });

  it("adds a reply once: recording it again changes nothing", async () => {
    await fresh.store.outbox.add(owed("a"), "p1", 0);
    await fresh.store.outbox.add(owed("a", { job: "other" }), "p2", 0);
    const rows = await fresh.store.outbox.claim("p3", NOW, NOW + LEASE, 10);
    expect(rows.map((r) => r.job)).toEqual(['{"id":"a"}']);
  });

  it("hands each reply to exactly one of several replicas claiming at once", async () => {
    const n = 60;
    for (let i = 0; i < n; i++)
      await fresh.store.outbox.add(
        owed(`r${i}`, { createdAt: NOW + i, teamId: i % 2 ? "T1" : "T2" }),
        "dead",
        0,
      );
    // On SQLite one connection, shared: a second one in the same thread would wait for the first's
    // lock while blocking the thread that must release it (processes are tested in durable-replies).
    const replicas =
      backend === "sqlite"
        ? [fresh.store, fresh.store, fresh.store]
        : [fresh.store, await fresh.db.open(), await fresh.db.open()];
    const taken: string[] = [];
    const byOwner = new Map<string, number>();
    await Promise.all(
      replicas.flatMap((s, r) =>
        [0, 1].map(async (w) => {
          const owner = `p${r}-${w}`;
          for (;;) {
            const batch = await s.outbox.claim(owner, NOW + 100, NOW + 100 + LEASE, 4);
            if (batch.length === 0) {
              const [left] = await fresh.db.query<{ n: number }>(
                "SELECT COUNT(*) AS n FROM reply_outbox WHERE lease_until <= ?",
                [NOW + 100],
              );
              if (Number(left?.n) === 0) return;
              continue;
            }
            taken.push(...batch.map((e) => e.id));
            byOwner.set(owner, (byOwner.get(owner) ?? 0) + batch.length);
          }
        }),
      ),
    );
    expect(taken.sort()).toEqual(Array.from({ length: n }, (_, i) => `r${i}`).sort());
    const owners = await fresh.db.query<{ owner: string; n: number }>(
      "SELECT owner, COUNT(*) AS n FROM reply_outbox GROUP BY owner",
    );
    expect(owners.reduce((sum, o) => sum + Number(o.n), 0)).toBe(n);
    if (backend === "postgres") expect(byOwner.size).toBeGreaterThan(1);
  });

  it("claims the oldest first, at most the batch asked for", async () => {
    await fresh.store.outbox.add(owed("b", { createdAt: NOW + 2 }), "x", 0);
    await fresh.store.outbox.add(owed("a", { createdAt: NOW + 1 }), "x", 0);
    await fresh.store.outbox.add(owed("c", { createdAt: NOW + 3 }), "x", 0);
    expect((await fresh.store.outbox.claim("p", NOW, NOW + LEASE, 2)).map((e) => e.id)).toEqual(["a", "b"]);
  });

  it("refuses a reply without a team id", async () => {
    await expect(fresh.store.outbox.add(owed("a", { teamId: "" }), "p1", 0)).rejects.toThrow(/team id/);
  });
});

describeEachBackend("button drafts", (backend) => {
  const fresh = freshStoreEach(backend);

  const draft = {
    teamId: "T1",
    id: "k1",
    userId: "U1",
    draft: "long draft",
    options: "{}",
    expiresAt: NOW + 1000,
  };

  it("gives a long draft back to its owner, in its workspace, until it expires, on any replica", async () => {
    await fresh.store.buttonDrafts.put(draft);
    const other = await fresh.db.open();
    expect(await other.buttonDrafts.get("T1", "k1", "U1", NOW)).toEqual({
      draft: "long draft",
      options: "{}",
    });
    expect(await other.buttonDrafts.get("T1", "k1", "U2", NOW)).toBeUndefined();
    expect(await other.buttonDrafts.get("T2", "k1", "U1", NOW)).toBeUndefined();
    expect(await other.buttonDrafts.get("T1", "k1", "U1", NOW + 1000)).toBeUndefined();
    expect(await fresh.store.buttonDrafts.purgeExpired(NOW + 1000)).toBe(1);
    expect(await fresh.db.query("SELECT id FROM button_drafts")).toEqual([]);
  });

  it("refuses a draft without a team id", async () => {
    await expect(fresh.store.buttonDrafts.put({ ...draft, teamId: "" })).rejects.toThrow(/team id/);
  });
});
