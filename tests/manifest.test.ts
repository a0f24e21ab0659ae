import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CHECK_POST_CALLBACK } from "../src/commands/check-post-shortcut.js";
import { BOT_SCOPES } from "../src/slack/scopes.js";
import { STRINGS } from "../src/slack/strings.js";
import { ROOT } from "./helpers/spawn.js";

const manifest = parse(readFileSync(`${ROOT}/manifest.yml`, "utf8"));
// Slack's official schema, vendored with its licence (tests/fixtures/slack/LICENSE).
const schema = JSON.parse(readFileSync(`${ROOT}tests/fixtures/slack/app-manifest.schema.json`, "utf8"));

describe("manifest.yml", () => {
  it("validates against Slack's official manifest schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("asks at install (OAuth) for the scopes it declares, sends installers back to /slack/oauth_redirect, and hears uninstalls", () => {
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
    expect(manifest.oauth_config.redirect_urls.map((u: string) => new URL(u).pathname)).toEqual([
      "/slack/oauth_redirect",
    ]);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(["app_uninstalled", "tokens_revoked"]),
    );
  });

  it("declares what the code listens to, and the unfurl domains of the link coaching", () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([
      "/postcheck",
    ]);
    expect(manifest.features.shortcuts[0].callback_id).toBe(CHECK_POST_CALLBACK);
    expect(manifest.features.unfurl_domains).toEqual([
      "linkedin.com",
      "x.com",
      "twitter.com",
      "medium.com",
      "substack.com",
    ]);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining([
        "message.channels",
        "message.groups",
        "link_shared",
        "reaction_added",
        "app_home_opened",
        "assistant_thread_started",
        "assistant_thread_context_changed",
        "message.im",
      ]),
    );
    expect(manifest.oauth_config.scopes.bot).toContain("assistant:write");
    // The prompts the manifest shows are the ones the coach answers (and offers in a new thread).
    expect(manifest.features.assistant_view.suggested_prompts).toEqual(STRINGS.en.prompts);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it("every scope is explained in the README", () => {
    const readme = readFileSync(`${ROOT}/README.md`, "utf8");
    for (const scope of manifest.oauth_config.scopes.bot as string[])
      expect(readme, scope).toContain(`\`${scope}\``);
  });
});
