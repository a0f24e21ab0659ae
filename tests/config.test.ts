import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

describe("configuration", () => {
  it("runs the playground with no Slack tokens, with the contract's defaults", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      mode: "playground",
      port: 3000,
      databasePath: "./data/postcoach.db",
      logLevel: "info",
      retentionDays: 365,
      linkFetchAllowlist: [],
      llm: { timeoutMs: 8000 },
    });
  });

  it("picks HTTP mode with a bot token and Socket Mode with an app token", () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }).mode).toBe("http");
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }).mode).toBe("socket");
  });

  it("installs in several workspaces (HTTP mode) with the OAuth variables, and says which one is missing", () => {
    const oauth = {
      SLACK_CLIENT_ID: "111.222",
      SLACK_CLIENT_SECRET: "client-secret-value",
      SLACK_STATE_SECRET: "state-secret-value",
      SLACK_SIGNING_SECRET: "s",
      INSTALLATION_ENCRYPTION_KEY: "k".repeat(32),
    };
    const config = loadConfig(oauth);
    expect(config.mode).toBe("http");
    expect(config.slack.oauth).toEqual({
      clientId: "111.222",
      clientSecret: "client-secret-value",
      stateSecret: "state-secret-value",
    });
    expect(config.installationSecret).toBe("k".repeat(32));
    const refused: [Record<string, string>, RegExp][] = [
      [{ ...oauth, SLACK_CLIENT_SECRET: "" }, /^SLACK_CLIENT_SECRET is required with SLACK_CLIENT_ID/],
      [{ ...oauth, SLACK_STATE_SECRET: "" }, /^SLACK_STATE_SECRET is required with SLACK_CLIENT_ID/],
      [
        { ...oauth, INSTALLATION_ENCRYPTION_KEY: "" },
        /^INSTALLATION_ENCRYPTION_KEY is required with SLACK_CLIENT_ID/,
      ],
      [
        { ...oauth, INSTALLATION_ENCRYPTION_KEY: "short-secret" },
        /^INSTALLATION_ENCRYPTION_KEY must be at least 32 characters/,
      ],
      [{ ...oauth, SLACK_BOT_TOKEN: "xoxb-1" }, /^SLACK_BOT_TOKEN must not be set with SLACK_CLIENT_ID/],
      [
        { ...oauth, SLACK_BOT_TOKEN: "", SLACK_APP_TOKEN: "xapp-1" },
        /SLACK_APP_TOKEN must not be set with SLACK_CLIENT_ID|SLACK_BOT_TOKEN is required/,
      ],
    ];
    for (const [env, message] of refused) {
      let error: Error | undefined;
      try {
        loadConfig(env);
      } catch (err) {
        error = err as Error;
      }
      expect(error?.message).toMatch(message);
      expect(error?.message).not.toMatch(/secret-value|short-secret/);
    }
  });

  it("names the variable in one line when something is missing or malformed, never its value", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ SLACK_BOT_TOKEN: "xoxb-secret-value" }, /^SLACK_SIGNING_SECRET is required in HTTP mode/],
      [
        { SLACK_BOT_TOKEN: "not-a-token-secret", SLACK_SIGNING_SECRET: "s" },
        /^SLACK_BOT_TOKEN must be a bot token/,
      ],
      [{ SLACK_APP_TOKEN: "xapp-1" }, /^SLACK_BOT_TOKEN is required with SLACK_APP_TOKEN/],
      [
        { SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xoxb-wrong" },
        /^SLACK_APP_TOKEN must be an app-level token/,
      ],
      [{ PORT: "eighty" }, /^PORT must be a whole number/],
      [{ PORT: "70000" }, /^PORT must be at most 65535/],
      [
        { SLACK_API_URL: "http://localhost:1234/api" },
        /^SLACK_API_URL must be an http\(s\) URL ending in \/api\//,
      ],
      [{ LLM_TIMEOUT_MS: "-5" }, /^LLM_TIMEOUT_MS must not be negative/],
      [{ LOG_LEVEL: "chatty" }, /^LOG_LEVEL must be one of debug, info, warn, error/],
      [{ OPENAI_BASE_URL: "localhost:11434" }, /^OPENAI_BASE_URL must be an http\(s\) URL/],
      [{ PLAYGROUND_HOST: "http://0.0.0.0" }, /^PLAYGROUND_HOST must be a host name or an IP address/],
      [{ PLAYGROUND_HOST: "0.0.0.0 extra" }, /^PLAYGROUND_HOST must be a host name or an IP address/],
    ];
    for (const [env, message] of cases) {
      let error: unknown;
      try {
        loadConfig(env);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain("\n");
      expect((error as Error).message).not.toContain("secret-value");
    }
  });

  it("treats empty values as unset and splits the allowlist", () => {
    const c = loadConfig({
      SLACK_BOT_TOKEN: "",
      PORT: "",
      LINK_FETCH_ALLOWLIST: " Intranet.local, localhost ,,",
    });
    expect(c.mode).toBe("playground");
    expect(c.port).toBe(3000);
    expect(c.linkFetchAllowlist).toEqual(["intranet.local", "localhost"]);
  });

  it("keeps the playground on this machine unless PLAYGROUND_HOST says otherwise", () => {
    expect(loadConfig({}).playgroundHost).toBeUndefined();
    expect(loadConfig({ PLAYGROUND_HOST: "0.0.0.0" }).playgroundHost).toBe("0.0.0.0");
    expect(loadConfig({ PLAYGROUND_HOST: "[::]" }).playgroundHost).toBe("::");
    expect(loadConfig({ PLAYGROUND_HOST: " " }).playgroundHost).toBeUndefined();
  });
});
