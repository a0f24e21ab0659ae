import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { sqliteSql, toPostgres } from "../../src/store/sql.js";

describe("one SQL text for both databases", () => {
  it("numbers ? and @name parameters for PostgreSQL, the same name the same number", () => {
    expect(toPostgres("SELECT 1 WHERE a = ? AND b = ?", 1)).toEqual({
      text: "SELECT 1 WHERE a = $1 AND b = $2",
      name: "postcoach_1",
    });
    expect(toPostgres("UPDATE t SET x = @now WHERE y <= @now AND k = @key", 7)).toEqual({
      text: "UPDATE t SET x = $1 WHERE y <= $1 AND k = $2",
      names: ["now", "key"],
      name: "postcoach_7",
    });
    expect(() => toPostgres("SELECT ? WHERE a = @a", 1)).toThrow(/mixes/);
  });
});

describe("SQLite's async transactions", () => {
  const counter = () => {
    const db = new Database(":memory:");
    db.exec("CREATE TABLE c (n INTEGER NOT NULL); INSERT INTO c VALUES (0); CREATE TABLE log (x TEXT)");
    return { db, sql: sqliteSql(db) };
  };

  it("run one at a time: a read-modify-write across awaits loses no update", async () => {
    const { sql } = counter();
    await Promise.all(
      Array.from({ length: 25 }, () =>
        sql.transaction(async (tx) => {
          const { n } = (await tx.get<{ n: number }>("SELECT n FROM c"))!;
          await new Promise((r) => setTimeout(r, 1));
          await tx.run("UPDATE c SET n = ?", [n + 1]);
        }),
      ),
    );
    expect(await sql.get("SELECT n FROM c")).toEqual({ n: 25 });
  });

  it("keep other callers' statements out: a rolled-back transaction does not take them with it", async () => {
    const { sql } = counter();
    const failing = sql.transaction(async (tx) => {
      await tx.run("INSERT INTO log VALUES ('inside')");
      await new Promise((r) => setTimeout(r, 5));
      throw new Error("changed my mind");
    });
    const outside = sql.run("INSERT INTO log VALUES ('outside')");
    await expect(failing).rejects.toThrow("changed my mind");
    await outside;
    expect(await sql.all("SELECT x FROM log")).toEqual([{ x: "outside" }]);
  });

  it("share one executor per connection", () => {
    const { db, sql } = counter();
    expect(sqliteSql(db)).toBe(sql);
  });
});
