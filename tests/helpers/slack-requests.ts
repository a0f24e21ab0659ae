import { createHmac, randomUUID } from "node:crypto";

/** Requests shaped as Slack documents them, signed with the app's signing secret (v0 HMAC-SHA256). */
export const SIGNING_SECRET = "test-signing-secret";

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface PostOptions {
  secret?: string;
  timestamp?: number;
  signature?: string | null;
  retryNum?: number;
}

export async function postSigned(url: string, body: string, contentType: string, o: PostOptions = {}) {
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "content-type": contentType,
    "x-slack-request-timestamp": String(timestamp),
  };
  if (o.signature !== null) headers["x-slack-signature"] = o.signature ?? sign(body, timestamp, o.secret);
  if (o.retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(o.retryNum);
    headers["x-slack-retry-reason"] = "http_timeout";
  }
  const res = await fetch(url, { method: "POST", headers, body });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

/** A slash command's fields, as Slack sends them (form-encoded over HTTP, JSON in Socket Mode). */
export function slashCommandFields(
  text: string,
  responseUrl: string,
  fields: Record<string, string> = {},
): Record<string, string> {
  return {
    token: "verification-token",
    team_id: "T1",
    team_domain: "acme",
    channel_id: "C1",
    channel_name: "general",
    user_id: "U1",
    user_name: "ada",
    command: "/postcheck",
    text,
    api_app_id: "A1",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: `${Date.now()}.1.trigger`,
    ...fields,
  };
}

export function slashCommandBody(
  text: string,
  responseUrl: string,
  fields: Record<string, string> = {},
): string {
  return new URLSearchParams(slashCommandFields(text, responseUrl, fields)).toString();
}

export function eventCallbackBody(
  event: Record<string, unknown>,
  eventId = `Ev${randomUUID().slice(0, 8)}`,
  teamId = "T1",
): string {
  return JSON.stringify({
    token: "verification-token",
    team_id: teamId,
    api_app_id: "A1",
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { enterprise_id: null, team_id: teamId, user_id: "UBOT", is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
    event_context: "4-eyJldCI6Im1lc3NhZ2UifQ",
  });
}

/** A pick in one of the App Home's menus (language, platform), as Slack sends it. */
export function homeSelectPayload(actionId: string, value: string, user = "U1") {
  return {
    ...blockActionPayload(actionId, "", { responseUrl: "" }),
    user: { id: user, team_id: "T1" },
    container: { type: "view", view_id: "V1" },
    actions: [
      {
        type: "static_select",
        action_id: actionId,
        block_id: "home_settings",
        selected_option: { value, text: { type: "plain_text", text: value } },
        action_ts: "1",
      },
    ],
  };
}

export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function blockActionPayload(
  actionId: string,
  value: string,
  o: { responseUrl: string; channel?: string; user?: string; container?: Record<string, unknown> },
) {
  return {
    type: "block_actions",
    user: { id: o.user ?? "U1", username: "ada", name: "ada", team_id: "T1" },
    api_app_id: "A1",
    token: "verification-token",
    container: o.container ?? {
      type: "message",
      message_ts: "1700000000.000200",
      channel_id: o.channel ?? "C1",
      is_ephemeral: true,
    },
    trigger_id: `${Date.now()}.1.trigger`,
    team: { id: "T1", domain: "acme" },
    channel: { id: o.channel ?? "C1", name: "general" },
    response_url: o.responseUrl,
    actions: [
      {
        action_id: actionId,
        block_id: "postcheck_actions",
        text: { type: "plain_text", text: "button", emoji: true },
        value,
        type: "button",
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}

export const FORM = "application/x-www-form-urlencoded";
export const JSON_TYPE = "application/json";
