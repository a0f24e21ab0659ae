import type { Installation } from "@slack/bolt";
import { beforeEach, expect, it } from "vitest";
import { installationKey } from "../../src/store/index.js";
import { open, seal } from "../../src/store/installations.js";
import { describeEachBackend, freshStoreEach } from "../helpers/databases.js";
import { workspaceInstallation } from "../helpers/installations.js";

const NOW = Date.parse("2026-11-26T12:00:00Z");
const KEY = installationKey("a test secret that is long enough to be a key");

function organisation(enterpriseId: string, token: string): Installation {
  return {
    team: undefined,
    enterprise: { id: enterpriseId, name: "Grid" },
    user: { id: "UADMIN", token: undefined, scopes: undefined },
    bot: { token, scopes: ["commands"], id: "BORG", userId: "UBOTORG" },
    appId: "A1",
    tokenType: "bot",
    isEnterpriseInstall: true,
    authVersion: "v2",
  } as Installation;
}

describeEachBackend("installations", (backend) => {
  let now = NOW;
  beforeEach(() => {
    now = NOW;
  });
  const fresh = freshStoreEach(backend, () => ({ installationKey: KEY, now: () => now }));

  it("keeps each workspace's token encrypted at rest, and gives it back to that workspace only", async () => {
    await fresh.store.installations.save(workspaceInstallation("T1", "xoxb-one-secret"));
    await fresh.store.installations.save(workspaceInstallation("T2", "xoxb-two-secret"));
    const rows = await fresh.db.query<{ id: string; team_id: string; secret: string }>(
      "SELECT id, team_id, secret FROM installations ORDER BY id",
    );
    expect(rows.map((r) => [r.id, r.team_id])).toEqual([
      ["team:T1", "T1"],
      ["team:T2", "T2"],
    ]);
    for (const r of rows) {
      expect(r.secret).not.toMatch(/xoxb|UINSTALLER|Team/);
      expect(r.secret).toMatch(/^v1\./);
    }
    expect((await fresh.store.installations.botFor("T1"))?.token).toBe("xoxb-one-secret");
    expect((await fresh.store.installations.botFor("T2"))?.token).toBe("xoxb-two-secret");
    expect(await fresh.store.installations.botFor("T3")).toBeUndefined();
    expect(
      (await fresh.store.installations.find({ teamId: "T2", isEnterpriseInstall: false }))?.bot?.userId,
    ).toBe("UBOTT2");
    // A reinstall replaces the token.
    await fresh.store.installations.save(workspaceInstallation("T1", "xoxb-one-new"));
    expect((await fresh.store.installations.botFor("T1"))?.token).toBe("xoxb-one-new");
  });

  it("cannot be read without the key, with another key, or with a ciphertext moved to another row", async () => {
    await fresh.store.installations.save(workspaceInstallation("T1", "xoxb-one-secret"));
    await fresh.store.installations.save(workspaceInstallation("T2", "xoxb-two-secret"));
    const keyless = await fresh.db.open();
    await expect(keyless.installations.botFor("T1")).rejects.toThrow(/INSTALLATION_ENCRYPTION_KEY/);
    const other = await fresh.db.open({
      installationKey: installationKey("another secret, also long enough for a key"),
    });
    await expect(other.installations.botFor("T1")).rejects.toThrow();
    // Someone with write access swaps T2's secret into T1's row: it no longer decrypts.
    const [t2] = await fresh.db.query<{ secret: string }>(
      "SELECT secret FROM installations WHERE id = 'team:T2'",
    );
    await fresh.db.query("UPDATE installations SET secret = ? WHERE id = 'team:T1'", [t2!.secret]);
    await expect(fresh.store.installations.botFor("T1")).rejects.toThrow();
  });

  it("serves an organisation's workspaces with its org-wide install, once they are known", async () => {
    await fresh.store.installations.save(organisation("E1", "xoxb-org"));
    expect(
      (await fresh.store.installations.find({ teamId: "T7", enterpriseId: "E1", isEnterpriseInstall: true }))
        ?.bot?.token,
    ).toBe("xoxb-org");
    // A workspace of the organisation, asked about without its enterprise id (a replay, a digest).
    expect(await fresh.store.installations.botFor("T7")).toBeUndefined();
    await fresh.store.installations.noteEnterpriseTeam("E1", "T7");
    await fresh.store.installations.noteEnterpriseTeam("E1", "T7");
    expect((await fresh.store.installations.botFor("T7"))?.token).toBe("xoxb-org");
    expect(await fresh.store.installations.enterpriseTeams("E1")).toEqual(["T7"]);
    expect(await fresh.store.installations.remove({ enterpriseId: "E1", isEnterpriseInstall: true })).toBe(1);
    expect(await fresh.store.installations.botFor("T7")).toBeUndefined();
  });

  it("refuses an installation with no workspace", async () => {
    await expect(fresh.store.installations.save(workspaceInstallation("", "xoxb-x"))).rejects.toThrow(
      /team id/,
    );
  });

  it("hands out an install state once: unknown, used or expired states are refused", async () => {
    const state = await fresh.store.oauthStates.issue('{"scopes":["commands"]}');
    expect(await fresh.store.oauthStates.consume("forged")).toBeUndefined();
    const otherReplica = await fresh.db.open({ installationKey: KEY, now: () => now });
    expect(await otherReplica.oauthStates.consume(state)).toBe('{"scopes":["commands"]}');
    expect(await fresh.store.oauthStates.consume(state)).toBeUndefined();
    const late = await fresh.store.oauthStates.issue("{}");
    now += 10 * 60 * 1000;
    expect(await fresh.store.oauthStates.consume(late)).toBeUndefined();
    expect(await fresh.store.oauthStates.purgeExpired()).toBe(1);
  });

  it("deletes a workspace's data after its grace period, unless it installs again; others keep theirs", async () => {
    for (const t of ["T1", "T2", "T3"]) {
      await fresh.store.settings.setChannelFeedback(t, "C1", true, "U1");
      await fresh.store.rateLimits.take(t, "k", 5, 60_000);
    }
    await fresh.store.workspaces.removed("T1", NOW, NOW + 1000);
    await fresh.store.workspaces.removed("T2", NOW, NOW + 1000);
    // The first removal's date stands.
    await fresh.store.workspaces.removed("T1", NOW + 500, NOW + 5000);
    expect(await fresh.store.workspaces.pendingRemoval("T1")).toBe(NOW + 1000);
    expect(await fresh.store.workspaces.restored("T2")).toBe(true);
    expect(await fresh.store.workspaces.purgeRemoved(NOW + 999)).toEqual({});
    const purged = await fresh.store.workspaces.purgeRemoved(NOW + 1000);
    expect(Object.keys(purged)).toEqual(["T1"]);
    expect(purged.T1).toBeGreaterThanOrEqual(2);
    const left = await fresh.db.query<{ team_id: string }>(
      "SELECT team_id FROM channel_settings ORDER BY team_id",
    );
    expect(left.map((r) => r.team_id)).toEqual(["T2", "T3"]);
    expect(await fresh.store.workspaces.purgeRemoved(NOW + 2000)).toEqual({});
  });
});

it("seals a text for one row: another row's id does not open it", () => {
  const sealed = seal(KEY, "team:T1", "hello");
  expect(open(KEY, "team:T1", sealed)).toBe("hello");
  expect(() => open(KEY, "team:T2", sealed)).toThrow();
  expect(seal(KEY, "team:T1", "hello")).not.toBe(sealed);
  expect(() => installationKey("too short")).toThrow(/at least 32/);
});
