import net from "node:net";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createPostgresStore,
  type createSqliteStore,
  DatabaseUnavailableError,
  type Store,
} from "../../src/store/index.js";
import { MIGRATIONS, RENUMBERED } from "../../src/store/migrations.js";
import { migratePostgres } from "../../src/store/postgres.js";
import { postgresSql } from "../../src/store/sql.js";
import { freshDatabase, POSTGRES_URL, type TestDatabase } from "../helpers/databases.js";
import { startHarness } from "../helpers/harness.js";

/** A TCP relay to the test server that can be cut and restored: the server "going away". */
async function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const open = async () => {
    server = net.createServer((client) => {
      const upstream = net.connect(Number(target.port), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on("close", () => sockets.delete(s));
        s.on("error", () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => server!.listen(port, "127.0.0.1", r));
    port = (server.address() as net.AddressInfo).port;
  };
  await open();
  return {
    get port() {
      return port;
    },
    cut: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server!.close(r));
    },
    restore: open,
  };
}

/** Table → its columns, as the database describes itself. */
async function schemaOf(db: TestDatabase): Promise<Record<string, string[]>> {
  const rows =
    db.backend === "sqlite"
      ? await db.query<{ t: string; c: string }>(
          `SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p
           WHERE m.type = 'table' ORDER BY m.name, p.name`,
        )
      : await db.query<{ t: string; c: string }>(
          `SELECT table_name AS t, column_name AS c FROM information_schema.columns
           WHERE table_schema = current_schema() AND table_name <> 'schema_migrations'
           ORDER BY table_name, column_name`,
        );
  const out: Record<string, string[]> = {};
  for (const r of rows) out[r.t] = [...(out[r.t] ?? []), r.c];
  return out;
}

describe("PostgreSQL", () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await freshDatabase("postgres");
  });
  afterEach(async () => {
    await db.drop();
  });

  /** The test database reached through a relay the test cuts and restores. */
  const throughRelay = async () => {
    const r = await relay(new URL(db.target.databaseUrl!));
    const url = new URL(db.target.databaseUrl!);
    url.port = String(r.port);
    return { r, url: url.toString() };
  };
  /** Once the relay is back, the store is healthy again and answers. */
  const recovers = async (store: Store, r: Awaited<ReturnType<typeof relay>>) => {
    await r.restore();
    await expect.poll(async () => (await store.health()).ok, { timeout: 5000 }).toBe(true);
    expect(await store.checks.count("T1", "U1")).toBe(0);
  };

  it("has the same tables and columns as SQLite, from the one migration history", async () => {
    await db.open();
    const sqlite = await freshDatabase("sqlite");
    await sqlite.open();
    expect(await schemaOf(db)).toEqual(await schemaOf(sqlite));
    await sqlite.drop();
  });

  it("migrates every earlier version to the latest; replicas starting together migrate once", async () => {
    const url = db.target.databaseUrl!;
    expect(await migratePostgres(url, MIGRATIONS.slice(0, 3))).toBe(3);
    await db.query("INSERT INTO channel_settings (team_id, channel_id, updated_at) VALUES ('T1', 'C1', 1)");
    const versions = await Promise.all([migratePostgres(url), migratePostgres(url), migratePostgres(url)]);
    expect(versions).toEqual([MIGRATIONS.length, MIGRATIONS.length, MIGRATIONS.length]);
    const applied = await db.query<{ version: number }>(
      "SELECT version FROM schema_migrations ORDER BY version",
    );
    expect(applied.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    const store = await db.open();
    expect(await store.settings.channel("T1", "C1")).toEqual({ publicFeedback: false });
  });

  it("takes a schema that applied today's 7 as 6 back to 5, then to the latest, its data kept", async () => {
    const url = db.target.databaseUrl!;
    expect(await migratePostgres(url, [...MIGRATIONS.slice(0, 5), RENUMBERED.migration])).toBe(6);
    await db.query("INSERT INTO channel_settings (team_id, channel_id, updated_at) VALUES ('T1', 'C1', 1)");
    expect(await migratePostgres(url)).toBe(MIGRATIONS.length);
    const applied = await db.query<{ version: number }>(
      "SELECT version FROM schema_migrations ORDER BY version",
    );
    expect(applied.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    const store = await db.open();
    expect(await store.settings.channel("T1", "C1")).toEqual({ publicFeedback: false });
    await store.outbox.add(
      { teamId: "T1", id: "a", userId: "U1", job: "{}", createdAt: 1, expiresAt: 2 },
      "p",
      0,
    );
    await expect(
      db.query(
        "INSERT INTO reply_outbox (team_id, id, user_id, job, created_at, expires_at, owner, lease_until) VALUES ('', 'b', 'U', '{}', 1, 2, 'p', 0)",
      ),
    ).rejects.toThrow(/team_id/);
  });

  it("a statement waiting for a row lock gives up within its lock timeout; the bot's calls retry until it is free", async () => {
    const store = await db.open();
    await store.users.update("T1", "U1", { language: "fr" });
    const holder = new pg.Client({ connectionString: db.target.databaseUrl });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query("SELECT * FROM user_settings WHERE team_id = 'T1' FOR UPDATE");

    const impatient = await db.open({ lockWaitMs: 50 });
    const started = performance.now();
    await expect(impatient.users.update("T1", "U1", { platform: "x" })).rejects.toMatchObject({
      code: "55P03",
    });
    expect(performance.now() - started).toBeLessThan(1000);

    const patient = await db.open({ lockWaitMs: 20, retryForMs: 10_000 });
    const waiting = patient.users.update("T1", "U1", { platform: "blog" });
    // Reads do not wait for a writer.
    expect((await patient.users.get("T1", "U1")).platform).toBe("linkedin");
    await new Promise((r) => setTimeout(r, 300));
    await holder.query("COMMIT");
    await holder.end();
    await waiting;
    expect(await store.users.get("T1", "U1")).toMatchObject({ language: "fr", platform: "blog" });
  });

  it("refuses to start with one line naming the server, never the password, when it is unreachable", async () => {
    const closed = await relay(new URL(POSTGRES_URL));
    const port = closed.port;
    await closed.cut();
    const started = performance.now();
    const failure = await createPostgresStore(`postgres://postcoach:s3cret-pw@127.0.0.1:${port}/app`, {
      postgres: { connectTimeoutMs: 2000 },
    }).catch((err: Error) => err);
    expect(failure).toBeInstanceOf(DatabaseUnavailableError);
    const message = (failure as Error).message;
    expect(message).toMatch(
      new RegExp(`^DATABASE_URL: cannot use PostgreSQL at 127\\.0\\.0\\.1:${port}/app: `),
    );
    expect(message).toContain("ECONNREFUSED");
    expect(message).not.toContain("s3cret-pw");
    expect(message).not.toContain("\n");
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("says it is unhealthy while the server is unreachable, and recovers when it is back", async () => {
    const { r, url } = await throughRelay();
    const warnings: string[] = [];
    const store = await createPostgresStore(url, {
      postgres: { connectTimeoutMs: 1000 },
      warn: (line) => warnings.push(line),
    });
    try {
      await store.checks.count("T1", "U1");
      expect(await store.health()).toEqual({ ok: true });
      await r.cut();
      const health = await store.health();
      expect(health.ok).toBe(false);
      expect(health.detail).toMatch(/^PostgreSQL unavailable: /);
      await expect(store.checks.count("T1", "U1")).rejects.toThrow();
      await recovers(store, r);
    } finally {
      await store.close();
      await r.cut().catch(() => undefined);
    }
  });

  it("a connection cut while a transaction holds it fails that transaction, and the process goes on", async () => {
    const { r, url } = await throughRelay();
    const store = await createPostgresStore(url, { postgres: { connectTimeoutMs: 1000 } });
    try {
      const cutMidway = postgresSql(store.pool).transaction(async (tx) => {
        await tx.get("SELECT 1");
        // Between two statements the connection is out of the pool, idle: cut it there.
        await r.cut();
        await new Promise((done) => setTimeout(done, 200));
        await tx.get("SELECT 1");
      });
      await expect(cutMidway).rejects.toThrow();
      await recovers(store, r);
    } finally {
      await store.close();
      await r.cut().catch(() => undefined);
    }
  });

  it("/healthz answers 503 while the server is unreachable, 200 again once it is back", async () => {
    const { r, url } = await throughRelay();
    const h = await startHarness({ DATABASE_URL: url });
    const healthz = h.url.replace("/slack/events", "/healthz");
    try {
      expect((await fetch(healthz)).status).toBe(200);
      await r.cut();
      const down = await fetch(healthz);
      expect([down.status, await down.text()]).toEqual([503, "database unavailable"]);
      expect((await fetch(healthz, { method: "HEAD" })).status).toBe(503);
      await r.restore();
      await expect.poll(async () => (await fetch(healthz)).status, { timeout: 5000 }).toBe(200);
    } finally {
      await h.stop();
      await r.cut().catch(() => undefined);
    }
  });

  it("vacuums the tables a forget touched, so the deleted rows' space is reclaimed at once", async () => {
    const store = await db.open();
    await store.users.update("T1", "U1", { storeDrafts: true });
    await store.checks.record({
      teamId: "T1",
      userId: "U1",
      at: 1,
      score: 1,
      dimensions: {},
      language: "en",
      platform: "x",
      surface: "slash",
      draftHash: "h",
      counts: true,
      findings: [],
      draftText: "a draft to forget",
    });
    await store.privacy.forget("T1", "U1");
    await expect
      .poll(
        async () =>
          (
            await db.query<{ dead: number; vacuumed: Date | null }>(
              `SELECT n_dead_tup::int AS dead, last_vacuum AS vacuumed FROM pg_stat_user_tables
               WHERE schemaname = current_schema() AND relname = 'checks'`,
            )
          )[0],
        { timeout: 5000 },
      )
      .toMatchObject({ dead: 0, vacuumed: expect.any(Date) });
  });
});

describe("SQLite", () => {
  it("reports itself healthy while its file is open", async () => {
    const db = await freshDatabase("sqlite");
    const store = (await db.open()) as ReturnType<typeof createSqliteStore>;
    expect(await store.health()).toEqual({ ok: true });
    await db.drop();
  });
});
