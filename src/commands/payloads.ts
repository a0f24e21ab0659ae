import type { Logger } from "@slack/bolt";
import { z } from "zod";
import { LANGUAGES, PLATFORMS } from "../coach/types.js";

/**
 * What postcoach reads from Slack's requests, checked with zod where they arrive: a signed request
 * with a field missing or of the wrong type is answered kindly or ignored with one debug line,
 * never a TypeError, an HTTP 500 or a value stored that later silences a user. Schemas keep the
 * fields they don't name (Slack adds fields over time) and list only what the code reads.
 */

const record = z.looseObject({});
const stringOrRecord = z.union([z.string(), record]);

/** Fields Bolt reads of every interactive request before any listener runs (App#processEvent). */
const interactive = z.looseObject({
  user: z.looseObject({ id: z.string() }),
  team: record.nullish(),
  channel: record.optional(),
  response_urls: z.array(z.looseObject({ response_url: z.string() })).optional(),
});

const KIND_NAMES = {
  event: "an event",
  command: "a command",
  actions: "a block action",
  view: "a view submission",
  other: "an interactive request",
} as const;

const BOLT_READS = {
  event: z.looseObject({
    event: z.looseObject({
      type: z.string(),
      user: stringOrRecord.optional(),
      channel: stringOrRecord.optional(),
      item: record.optional(),
      subteam: record.optional(),
    }),
    authorizations: z.array(record).optional(),
  }),
  command: z.looseObject({ command: z.string() }),
  actions: interactive.extend({ actions: z.array(record).min(1).optional() }),
  view: interactive.extend({ view: record }),
  other: interactive,
};

/**
 * Why Bolt could not read a request, if it could not: Bolt dereferences these fields while it
 * routes a request, before any listener (or error handler) runs, so a signed request without them
 * would throw there. Which schema applies follows Bolt's own order of tests (getTypeAndConversation).
 */
export function unreadableRequest(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "not a JSON object";
  const b = body as Record<string, unknown>;
  const kind =
    b.event !== undefined
      ? "event"
      : b.command !== undefined
        ? "command"
        : b.name !== undefined || b.type === "block_suggestion"
          ? "other"
          : b.actions !== undefined || b.type === "dialog_submission"
            ? "actions"
            : b.type === "shortcut" || b.type === "message_action"
              ? "other"
              : b.type === "view_submission" || b.type === "view_closed"
                ? "view"
                : undefined;
  if (!kind) return "a request of no type Bolt knows";
  const parsed = BOLT_READS[kind].safeParse(body);
  return parsed.success ? undefined : `${KIND_NAMES[kind]} with ${describe(parsed.error)}`;
}

/** The first problem, by field path and kind: never the value itself (it may be a draft). */
function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "an unreadable field";
  return `${issue.path.join(".") || "the body"} ${issue.code === "invalid_type" ? `not ${issue.expected}` : "invalid"}`;
}

/** Parses what a listener reads; on a mismatch logs one debug line naming the field, and returns undefined. */
export function readPayload<S extends z.ZodType>(
  schema: S,
  value: unknown,
  logger: Logger,
  what: string,
): z.infer<S> | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  logger.debug(`ignored ${what} with ${describe(parsed.error)}`);
  return undefined;
}

export const Lang = z.enum(LANGUAGES);
export const Platform = z.enum(PLATFORMS);
/** Options a user can give a draft (--fr, --x), as buttons and modals carry them back. */
export const DraftOptions = z.object({ lang: Lang.optional(), platform: Platform.optional() }).strict();

/**
 * The user and workspace of an interactive request. Org-wide installs may send `team: null` with
 * the user's own team; a request that names no team at all is refused here, so nothing is ever
 * read or filed under an empty team id.
 */
const Actor = z
  .looseObject({
    user: z.looseObject({ id: z.string(), team_id: z.string().optional() }),
    team: z.looseObject({ id: z.string() }).nullish(),
  })
  .refine((b) => teamOf(b) !== "", { message: "no team id", path: ["team"] });

/**
 * The workspace an event comes from: the envelope's team_id, else the event's own team. An event
 * that names none is ignored by its listener: nothing is ever read or filed under an empty team id.
 */
export function eventTeam(body: unknown, event?: { team?: unknown }): string | undefined {
  for (const t of [(body as { team_id?: unknown } | undefined)?.team_id, event?.team])
    if (typeof t === "string" && t.trim() !== "") return t;
  return undefined;
}

export function teamOf(body: { team?: { id: string } | null; user: { team_id?: string } }): string {
  return [body.team?.id, body.user.team_id].find((t) => t !== undefined && t.trim() !== "") ?? "";
}

export const ButtonClick = Actor.extend({
  trigger_id: z.string().optional(),
  channel: z.looseObject({ id: z.string() }).optional(),
  actions: z.tuple([z.looseObject({ value: z.string().optional() })], record),
});

export const SelectChange = Actor.extend({
  actions: z.tuple([z.looseObject({ selected_option: z.looseObject({ value: z.string() }) })], record),
});

export const CheckboxesChange = Actor.extend({
  actions: z.tuple(
    [z.looseObject({ selected_options: z.array(z.looseObject({ value: z.string() })) })],
    record,
  ),
});

export const ViewSubmission = Actor.extend({
  view: z.looseObject({
    /** Read by each modal's own schema: a bad one must not hide a good draft. */
    private_metadata: z.unknown(),
    state: z
      .looseObject({
        values: z.record(z.string(), z.record(z.string(), z.looseObject({ value: z.string().nullish() }))),
      })
      .optional(),
  }),
});

export const SlashCommand = z.looseObject({
  text: z.string().default(""),
  team_id: z.string(),
  user_id: z.string(),
  channel_id: z.string(),
  response_url: z.string(),
});

export const MessageShortcut = Actor.extend({
  channel: z.looseObject({ id: z.string() }),
  response_url: z.string(),
  message: z.looseObject({ text: z.string().optional() }),
});

/** A plain message event, as the DM, link-share and mentoring listeners read it. */
export const MessageEvent = z.looseObject({
  channel: z.string(),
  ts: z.string(),
  user: z.string().optional(),
  text: z.string().optional(),
  thread_ts: z.string().optional(),
  channel_type: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().nullish(),
  team: z.string().optional(),
});

/** A message a person wrote: not a bot's, nor this bot's own. */
export function byPerson(
  e: z.infer<typeof MessageEvent>,
  botUserId: string | undefined,
): e is z.infer<typeof MessageEvent> & { user: string } {
  return !e.bot_id && Boolean(e.user) && e.user !== botUserId;
}

/**
 * What Bolt's Assistant reads of its events before any of their listeners runs (its say(),
 * setStatus()… are built from the thread): without it, it throws after the ack.
 */
export const AssistantThreadEvent = z.looseObject({
  assistant_thread: z.looseObject({
    channel_id: z.string(),
    thread_ts: z.string(),
    user_id: z.string().optional(),
  }),
});
export const AssistantMessageEvent = z.looseObject({ channel: z.string(), thread_ts: z.string() });

export const LinkSharedEvent = z.looseObject({
  channel: z.string(),
  user: z.string(),
  message_ts: z.string(),
  thread_ts: z.string().optional(),
  source: z.string().optional(),
  is_bot_user_member: z.boolean().optional(),
  links: z.array(z.looseObject({ url: z.string() })),
});

export const ReactionAddedEvent = z.looseObject({
  user: z.string(),
  item: z.looseObject({ type: z.string(), ts: z.string().optional() }),
});

/** Slack sends the user ids whose tokens were revoked: `tokens: { oauth?: [...], bot?: [...] }`. */
export const TokensRevokedEvent = z.looseObject({
  tokens: z.looseObject({ oauth: z.array(z.string()).optional(), bot: z.array(z.string()).optional() }),
});

export const AppHomeOpenedEvent = z.looseObject({ user: z.string(), tab: z.string().optional() });
