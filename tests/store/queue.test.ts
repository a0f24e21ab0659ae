import { afterEach, beforeEach, expect, it } from "vitest";
import type { createPostgresStore, createSqliteStore } from "../../src/store/index.js";
import { postgresSql, type Sql, skipLocked, sqliteSql } from "../../src/store/sql.js";
import { describeEachBackend, freshDatabase, type TestDatabase } from "../helpers/databases.js";

type AnyStore = Partial<
  ReturnType<typeof createSqliteStore> & Awaited<ReturnType<typeof createPostgresStore>>
>;

/**
 * The executor a store module gets: on PostgreSQL a pool of its own (another replica, in effect);
 * on SQLite the process's one connection, shared (a second connection in the same thread would
 * wait for the first one's lock while blocking the thread that must release it).
 */
async function replicas(db: TestDatabase, n: number): Promise<Sql[]> {
  if (db.backend === "sqlite") {
    const store = (await db.open()) as AnyStore;
    return Array.from({ length: n }, () => sqliteSql(store.db!));
  }
  const out: Sql[] = [];
  for (let i = 0; i < n; i++) out.push(postgresSql(((await db.open()) as AnyStore).pool!));
  return out;
}

/**
 * The pattern a queue module (the reply outbox) follows: take a batch in a transaction with
 * skipLocked(), mark it as taken, commit. No job is handed to two workers.
 */
async function claimBatch(sql: Sql, worker: string): Promise<number[]> {
  return sql.transaction(async (tx) => {
    const rows = await tx.all<{ id: number }>(
      `SELECT id FROM test_jobs WHERE owner IS NULL ORDER BY id LIMIT 3${skipLocked(tx)}`,
    );
    // Hold the rows a moment, as a worker does, so that the others meet them locked.
    await new Promise((r) => setTimeout(r, 5));
    for (const r of rows) await tx.run("UPDATE test_jobs SET owner = ? WHERE id = ?", [worker, r.id]);
    return rows.map((r) => r.id);
  });
}

describeEachBackend("a queue claimed by several replicas", (backend) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await freshDatabase(backend);
    await db.query("CREATE TABLE test_jobs (id INTEGER PRIMARY KEY, owner TEXT)");
    for (let i = 1; i <= 60; i++) await db.query("INSERT INTO test_jobs (id) VALUES (?)", [i]);
  });
  afterEach(async () => {
    await db.drop();
  });

  it("hands each job to exactly one worker", async () => {
    const sqls = await replicas(db, 3);
    const taken: number[] = [];
    const work = async (sql: Sql, name: string) => {
      for (;;) {
        const batch = await claimBatch(sql, name);
        // SKIP LOCKED may see nothing free while others hold the last rows: stop when all are taken.
        if (batch.length === 0) {
          const [{ left }] = (await db.query<{ left: number }>(
            "SELECT COUNT(*) AS left FROM test_jobs WHERE owner IS NULL",
          )) as [{ left: number }];
          if (Number(left) === 0) return;
        }
        taken.push(...batch);
      }
    };
    await Promise.all(sqls.flatMap((sql, i) => [work(sql, `w${i}a`), work(sql, `w${i}b`)]));
    expect(taken.sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    const owners = await db.query<{ owner: string }>("SELECT DISTINCT owner FROM test_jobs");
    if (backend === "postgres") expect(owners.length).toBeGreaterThan(1);
  });
});
