import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";
import type { Installation } from "@slack/bolt";
import type { Sql } from "./sql.js";
import { team } from "./team.js";

/** Which installation: a workspace's own, or an org-wide (Enterprise Grid) one. */
export interface InstallationKey {
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall: boolean;
}

/** What the bot needs to act in a workspace without a live request (replays, digests, the CLI). */
export interface BotCredentials {
  token: string;
  botUserId?: string;
  botId?: string;
}

/**
 * The workspaces (and Enterprise Grid organisations) that installed postcoach through Slack's
 * OAuth flow. Each installation, its bot token included, is stored encrypted (AES-256-GCM, a key
 * derived from INSTALLATION_ENCRYPTION_KEY, bound to its row): a copy of the database without the
 * key gives no token. Only the ids needed to find a row are stored in clear.
 */
export interface InstallationsStore {
  /** Stores (or replaces, on a reinstall) an installation. */
  save(installation: Installation): Promise<void>;
  /** The installation for a request; an org-wide one serves each of its workspaces. */
  find(key: InstallationKey): Promise<Installation | undefined>;
  /** The bot token of a workspace: its own installation, or its organisation's. */
  botFor(teamId: string): Promise<BotCredentials | undefined>;
  /** Notes that a workspace is served by its organisation's install (learnt from its requests). */
  noteEnterpriseTeam(enterpriseId: string, teamId: string): Promise<void>;
  /** The workspaces an organisation's install was seen serving. */
  enterpriseTeams(enterpriseId: string): Promise<string[]>;
  /** Deletes an installation; resolves how many rows went (0 or 1). */
  remove(key: InstallationKey): Promise<number>;
}

export class MissingEncryptionKeyError extends Error {
  constructor() {
    super("INSTALLATION_ENCRYPTION_KEY is required to store or read installations");
    this.name = "MissingEncryptionKeyError";
  }
}

/** At least this many characters: anything shorter is too easy to guess offline. */
export const MIN_SECRET_LENGTH = 32;
const FORMAT = "v1";

/**
 * The AES-256 key from the operator's secret (any text of at least 32 characters). scrypt makes a
 * weak secret costly to guess from a stolen database; the fixed salt names what the key is for.
 */
export function installationKey(secret: string): Buffer {
  if (secret.length < MIN_SECRET_LENGTH)
    throw new Error(`INSTALLATION_ENCRYPTION_KEY must be at least ${MIN_SECRET_LENGTH} characters`);
  return scryptSync(secret, "postcoach installation tokens v1", 32);
}

/** Encrypts `text` for the row `id`: the same ciphertext in another row does not decrypt. */
export function seal(key: Buffer, id: string, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(id));
  const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return [FORMAT, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64")))
    .join(".");
}

export function open(key: Buffer, id: string, sealed: string): string {
  const [format, iv, tag, body] = sealed.split(".");
  if (format !== FORMAT || !iv || !tag || body === undefined)
    throw new Error("an installation in an unknown format");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
  decipher.setAAD(Buffer.from(id));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
}

/** A row's id: Slack's team and enterprise ids never collide, the prefix says which it is. */
function rowId(key: InstallationKey): string {
  if (key.isEnterpriseInstall) {
    if (!key.enterpriseId) throw new Error("an org-wide installation without an enterprise id");
    return `enterprise:${key.enterpriseId}`;
  }
  return `team:${team(key.teamId ?? "")}`;
}

export function installationsStore(sql: Sql, key: Buffer | undefined, now: () => number): InstallationsStore {
  const needKey = () => {
    if (!key) throw new MissingEncryptionKeyError();
    return key;
  };
  const read = async (id: string): Promise<Installation | undefined> => {
    const row = await sql.get<{ secret: string }>("SELECT secret FROM installations WHERE id = ?", [id]);
    return row ? (JSON.parse(open(needKey(), id, row.secret)) as Installation) : undefined;
  };
  const enterpriseOf = async (teamId: string) =>
    (
      await sql.get<{ enterprise_id: string }>(
        "SELECT enterprise_id FROM enterprise_teams WHERE team_id = ?",
        [team(teamId)],
      )
    )?.enterprise_id;
  return {
    save: async (installation) => {
      const isEnterpriseInstall = installation.isEnterpriseInstall === true;
      const k: InstallationKey = {
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall,
      };
      const id = rowId(k);
      await sql.run(
        `INSERT INTO installations (id, enterprise_id, team_id, is_enterprise_install, secret, installed_at)
         VALUES (@id, @enterpriseId, @teamId, @org, @secret, @at)
         ON CONFLICT (id) DO UPDATE SET secret = excluded.secret, installed_at = excluded.installed_at`,
        {
          id,
          enterpriseId: k.enterpriseId ?? null,
          teamId: isEnterpriseInstall ? null : (k.teamId ?? null),
          org: isEnterpriseInstall ? 1 : 0,
          secret: seal(needKey(), id, JSON.stringify(installation)),
          at: now(),
        },
      );
    },
    find: async (k) => {
      if (k.isEnterpriseInstall) return read(rowId(k));
      const own = k.teamId ? await read(rowId(k)) : undefined;
      if (own || !k.enterpriseId) return own;
      return read(rowId({ enterpriseId: k.enterpriseId, isEnterpriseInstall: true }));
    },
    botFor: async (teamId) => {
      let installation = await read(rowId({ teamId, isEnterpriseInstall: false }));
      if (!installation) {
        const enterpriseId = await enterpriseOf(teamId);
        if (enterpriseId) installation = await read(rowId({ enterpriseId, isEnterpriseInstall: true }));
      }
      const bot = installation?.bot;
      return bot ? { token: bot.token, botUserId: bot.userId, botId: bot.id } : undefined;
    },
    noteEnterpriseTeam: async (enterpriseId, teamId) => {
      await sql.run(
        "INSERT INTO enterprise_teams (enterprise_id, team_id) VALUES (?, ?) ON CONFLICT (team_id) DO NOTHING",
        [enterpriseId, team(teamId)],
      );
    },
    enterpriseTeams: async (enterpriseId) =>
      (
        await sql.all<{ team_id: string }>(
          "SELECT team_id FROM enterprise_teams WHERE enterprise_id = ? ORDER BY team_id",
          [enterpriseId],
        )
      ).map((r) => r.team_id),
    remove: (k) => sql.run("DELETE FROM installations WHERE id = ?", [rowId(k)]),
  };
}
