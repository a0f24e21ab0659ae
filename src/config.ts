import { z } from "zod";
import { MIN_SECRET_LENGTH } from "./store/installations.js";

/**
 * Configuration from the environment (../shared/CONTRACT.md). A missing or malformed variable
 * stops the bot at start with one line naming it; values are never echoed, since some are secrets.
 */
export type Mode = "playground" | "http" | "socket";

const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());
const positiveInt = (fallback: number, max: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(0, "must not be negative")
      .max(max, `must be at most ${max}`)
      .default(fallback),
  );

const envShape = z.object({
  SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith("xoxb-"), {
    message: "must be a bot token starting with xoxb-",
  }),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith("xapp-"), {
    message: "must be an app-level token starting with xapp-",
  }),
  PORT: positiveInt(3000, 65535),
  SLACK_API_URL: optionalString.refine((v) => v === undefined || /^https?:\/\/[^\s]+\/api\/$/.test(v), {
    message: "must be an http(s) URL ending in /api/",
  }),
  DATABASE_PATH: z.preprocess(emptyToUndefined, z.string().default("./data/postcoach.db")),
  DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(?:ql)?:\/\/\S+$/.test(v), {
    message: "must be a PostgreSQL URL: postgres://user:password@host:5432/database",
  }),
  SLACK_CLIENT_ID: optionalString,
  SLACK_CLIENT_SECRET: optionalString,
  SLACK_STATE_SECRET: optionalString,
  INSTALLATION_ENCRYPTION_KEY: optionalString.refine(
    (v) => v === undefined || v.length >= MIN_SECRET_LENGTH,
    {
      message: `must be at least ${MIN_SECRET_LENGTH} characters (any secret; a key is derived from it)`,
    },
  ),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), {
    message: "must be an http(s) URL",
  }),
  OPENAI_MODEL: z.preprocess(emptyToUndefined, z.string().default("gpt-4o-mini")),
  LLM_TIMEOUT_MS: positiveInt(8000, 600_000),
  LINK_FETCH_ALLOWLIST: z.preprocess(emptyToUndefined, z.string().default("")),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === "string" ? emptyToUndefined(v.toLowerCase()) : v),
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  ),
  RETENTION_DAYS: positiveInt(365, 36_500),
  PLAYGROUND_HOST: optionalString.refine(
    (v) => v === undefined || /^(?:[\w.-]+|\[?[0-9a-f:.]+\]?)$/i.test(v),
    {
      message: "must be a host name or an IP address, like 127.0.0.1 or 0.0.0.0",
    },
  ),
});

const schema = envShape.superRefine((env, ctx) => {
  if (env.SLACK_APP_TOKEN && !env.SLACK_BOT_TOKEN) {
    ctx.addIssue({
      code: "custom",
      path: ["SLACK_BOT_TOKEN"],
      message: "is required with SLACK_APP_TOKEN (Socket Mode)",
    });
  }
  if (env.SLACK_CLIENT_ID) {
    const oauth = (name: string, message: string) => ctx.addIssue({ code: "custom", path: [name], message });
    if (env.SLACK_BOT_TOKEN)
      oauth(
        "SLACK_BOT_TOKEN",
        "must not be set with SLACK_CLIENT_ID: with OAuth each workspace's token comes from its install (/slack/install)",
      );
    if (env.SLACK_APP_TOKEN)
      oauth(
        "SLACK_APP_TOKEN",
        "must not be set with SLACK_CLIENT_ID: installing through OAuth needs HTTP mode (see docs/deploy.md)",
      );
    for (const name of ["SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET", "SLACK_SIGNING_SECRET"] as const)
      if (!env[name]) oauth(name, "is required with SLACK_CLIENT_ID (installing through OAuth)");
    if (!env.INSTALLATION_ENCRYPTION_KEY)
      oauth(
        "INSTALLATION_ENCRYPTION_KEY",
        `is required with SLACK_CLIENT_ID: a secret of at least ${MIN_SECRET_LENGTH} characters that encrypts the stored tokens`,
      );
  }
  if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    ctx.addIssue({
      code: "custom",
      path: ["SLACK_SIGNING_SECRET"],
      message: "is required in HTTP mode (a bot token and no SLACK_APP_TOKEN)",
    });
  }
});

export interface Config {
  mode: Mode;
  slack: {
    botToken?: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
    /** Several workspaces, each installing through Slack's OAuth flow (HTTP mode). */
    oauth?: { clientId: string; clientSecret: string; stateSecret: string };
  };
  /** Encrypts the installations stored (INSTALLATION_ENCRYPTION_KEY). */
  installationSecret?: string;
  port: number;
  databasePath: string;
  /** PostgreSQL instead of the SQLite file (several replicas). */
  databaseUrl?: string;
  llm: { apiKey?: string; baseUrl?: string; model: string; timeoutMs: number };
  linkFetchAllowlist: string[];
  logLevel: LogLevel;
  retentionDays: number;
  /** Where the playground listens; loopback unless set. */
  playgroundHost?: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "configuration");
    throw new ConfigError(`${name} ${issue.message}`);
  }
  const e = parsed.data;
  const mode: Mode = e.SLACK_APP_TOKEN
    ? "socket"
    : e.SLACK_BOT_TOKEN || e.SLACK_CLIENT_ID
      ? "http"
      : "playground";
  return {
    mode,
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
      oauth:
        e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET
          ? {
              clientId: e.SLACK_CLIENT_ID,
              clientSecret: e.SLACK_CLIENT_SECRET,
              stateSecret: e.SLACK_STATE_SECRET,
            }
          : undefined,
    },
    installationSecret: e.INSTALLATION_ENCRYPTION_KEY,
    port: e.PORT,
    databasePath: e.DATABASE_PATH,
    databaseUrl: e.DATABASE_URL,
    llm: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      model: e.OPENAI_MODEL,
      timeoutMs: e.LLM_TIMEOUT_MS,
    },
    linkFetchAllowlist: e.LINK_FETCH_ALLOWLIST.split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    logLevel: e.LOG_LEVEL,
    retentionDays: e.RETENTION_DAYS,
    playgroundHost: e.PLAYGROUND_HOST?.replace(/^\[|\]$/g, ""),
  };
}

/** LOG_LEVEL alone, for the CLI: a bad value is one clear line, as at the bot's start. */
export function logLevelFromEnv(env: NodeJS.ProcessEnv): LogLevel {
  const parsed = envShape.pick({ LOG_LEVEL: true }).safeParse(env);
  if (!parsed.success) throw new ConfigError(`LOG_LEVEL ${parsed.error.issues[0]!.message}`);
  return parsed.data.LOG_LEVEL;
}

/** Just the LLM settings, for the CLI (which needs no Slack configuration). */
export function llmConfigFromEnv(env: NodeJS.ProcessEnv): Config["llm"] {
  const parsed = envShape
    .pick({ OPENAI_API_KEY: true, OPENAI_BASE_URL: true, OPENAI_MODEL: true, LLM_TIMEOUT_MS: true })
    .safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${String(issue.path[0])} ${issue.message}`);
  }
  const e = parsed.data;
  return {
    apiKey: e.OPENAI_API_KEY,
    baseUrl: e.OPENAI_BASE_URL,
    model: e.OPENAI_MODEL,
    timeoutMs: e.LLM_TIMEOUT_MS,
  };
}
