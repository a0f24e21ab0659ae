import { randomUUID } from "node:crypto";
import { ErrorCode, type RespondFn, type SayStreamFn, type SetStatusFn, webApi } from "@slack/bolt";
import { z } from "zod";
import { judged } from "../coach/messages.js";
import type { AnalyzeOptions, CoachResult } from "../coach/types.js";
import { readShared } from "../links/read.js";
import type { Services } from "../services.js";
import { coachingBlocks, coachingText, type Revision } from "../slack/blocks.js";
import { STRINGS } from "../slack/strings.js";
import { noteCheck } from "./activity.js";
import { DraftOptions } from "./payloads.js";
import { type LlmRefinement, refineWithLlm, streamQuestions, userDefaults } from "./reply.js";
import { TOO_LATE, within } from "./within.js";

type WebClient = webApi.WebClient;

/** Slack accepts a reply to a response_url for 30 minutes: a reply owed longer than that is dropped. */
export const REPLY_WINDOW_MS = 30 * 60 * 1000;
/** The metadata of a coaching reply in a thread: the outcome the next version is compared with. */
export const CHECK_EVENT = "postcoach_check";

export type Surface = "slash" | "shortcut" | "dm" | "assistant" | "link";

/** Where a reply goes. */
export type Destination =
  /** /postcheck and the shortcut: an ephemeral reply through Slack's response_url. */
  | { via: "response_url"; url: string }
  /** DMs, the assistant thread, link shares: in a thread, for one user or for everyone. */
  | { via: "thread"; channel: string; threadTs: string; ephemeralFor?: string };

/**
 * A coaching reply owed: everything it takes to build it and deliver it again after a crash, and
 * no more of the draft than the reply needs (a link share keeps its message and links, and reads
 * the pages again).
 */
export interface ReplyJob {
  surface: Surface;
  teamId: string;
  userId: string;
  channelId?: string;
  draft: string;
  typed: AnalyzeOptions;
  links?: string[];
  to: Destination;
  /** Buttons for the author; none on a public reply or in the assistant thread. */
  buttons?: { canAskTeammate: boolean };
}

const Job: z.ZodType<ReplyJob> = z.object({
  surface: z.enum(["slash", "shortcut", "dm", "assistant", "link"]),
  teamId: z.string(),
  userId: z.string(),
  channelId: z.string().optional(),
  draft: z.string(),
  typed: DraftOptions,
  links: z.array(z.string()).optional(),
  to: z.union([
    z.object({ via: z.literal("response_url"), url: z.string() }),
    z.object({
      via: z.literal("thread"),
      channel: z.string(),
      threadTs: z.string(),
      ephemeralFor: z.string().optional(),
    }),
  ]),
  buttons: z.object({ canAskTeammate: z.boolean() }).optional(),
});

export interface Ticket {
  job: ReplyJob;
  id: string;
  /** Settles once the outbox has it (true), or could not record it (false). */
  recorded: Promise<boolean>;
}

/** What the assistant thread offers (Bolt's utilities live; the Web API's own after a restart). */
export interface ThreadTools {
  setStatus: (status: string) => Promise<unknown>;
  setTitle?: (title: string) => Promise<unknown>;
  sayStream?: SayStreamFn;
}

/** What a live request brings: Bolt's respond() and its client; a replayed reply has neither. */
export interface Live {
  respond?: RespondFn;
  client?: WebClient;
  assistant?: ThreadTools;
}

export interface RepliesOptions {
  /** Who this process is in the outbox's leases. */
  owner: string;
  /** How long a process holds a reply it is answering before another may take it over. */
  leaseMs: number;
  /** How long an acknowledgement waits for the outbox (a locked database): then it goes anyway. */
  recordWaitMs: number;
  /** How often the outbox is looked at for replies no process holds (crashed, or failed). */
  sweepMs: number;
}

const DEFAULTS: Omit<RepliesOptions, "owner"> = {
  leaseMs: 5_000,
  recordWaitMs: 250,
  sweepMs: 1_000,
};
const MAX_BACKOFF_MS = 60_000;
const SWEEP_BATCH = 20;

interface Built {
  result: CoachResult;
  draft: string;
  options: AnalyzeOptions;
  notes: string[];
  draftValue?: string;
  revision?: Revision;
  /** The LLM's questions, when they were asked for before sending (link shares). */
  llm?: LlmRefinement;
}

/**
 * The one reply path of every surface: the reply owed is recorded in the outbox before (or with)
 * the acknowledgement; it is built and sent (Bolt's respond() or the Web API client, with their
 * retries), then deleted; then the LLM refines it in place. A reply that fails is retried later; one
 * left by a crashed process is answered by the next process to look (at start, then every few
 * seconds) while Slack still accepts it; on SIGTERM the replies in progress finish, within a
 * bounded time, or are handed over. A crash can at worst repeat a reply, never lose one.
 */
export class Replies {
  private readonly options: RepliesOptions;
  private readonly inFlight = new Set<Promise<void>>();
  private clientFor: (teamId: string) => Promise<WebClient | undefined> = async () => undefined;
  private fetchFn: typeof fetch = fetch;
  private sweeper?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private closed = false;

  constructor(
    private readonly services: Services,
    options: Partial<RepliesOptions> & { owner: string },
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** How to reach Slack without a live request: the workspace's client, and the fetch respond() uses. */
  connect(
    clientFor: (teamId: string) => Promise<WebClient | undefined>,
    fetchFn: typeof fetch = fetch,
  ): void {
    this.clientFor = clientFor;
    this.fetchFn = fetchFn;
  }

  /**
   * Records a reply owed. Waits a moment at most: while another process holds the database, the
   * acknowledgement goes anyway, the record is made once it can be, and the reply is sent from here.
   */
  async owe(job: ReplyJob): Promise<Ticket> {
    const { services, options } = this;
    const now = services.now();
    const id = randomUUID();
    const recorded = services.store.outbox
      .add(
        {
          teamId: job.teamId,
          id,
          userId: job.userId,
          job: JSON.stringify(job),
          createdAt: now,
          expiresAt: now + REPLY_WINDOW_MS,
        },
        options.owner,
        now + options.leaseMs,
      )
      .then(
        () => true,
        (err: Error) => {
          services.logger.warn(`reply not recorded in the outbox (sent from memory only): ${err.message}`);
          return false;
        },
      );
    if ((await within(recorded, options.recordWaitMs)) === TOO_LATE)
      services.logger.info("the database is busy: acknowledged before the reply was recorded");
    return { job, id, recorded };
  }

  /** Builds and sends the reply, then refines it with the LLM. Never throws. */
  answer(ticket: Ticket, live: Live = {}): Promise<void> {
    const work = this.attempt(ticket, live);
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
    return work;
  }

  /** Starts looking for replies no process holds: at once (replies a crash left), then every few seconds. */
  start(): void {
    this.closed = false;
    const sweep = () => {
      this.sweeping ??= this.sweep().finally(() => {
        this.sweeping = undefined;
      });
    };
    sweep();
    this.sweeper = setInterval(sweep, this.options.sweepMs);
    this.sweeper.unref();
  }

  /**
   * On SIGTERM: no more sweeps; the replies in progress finish within `ms`. Whatever is still owed
   * then stays in the outbox for the next process, which answers it as soon as it starts.
   */
  async drain(ms: number): Promise<number> {
    this.closed = true;
    clearInterval(this.sweeper);
    const pending = [...this.inFlight, ...(this.sweeping ? [this.sweeping] : [])];
    if (pending.length === 0) return 0;
    const done = await within(
      Promise.allSettled(pending).then(() => true),
      ms,
    );
    if (done === TOO_LATE)
      this.services.logger.warn(
        `${this.inFlight.size} replies still in progress after ${ms} ms: left in the outbox for the next start`,
      );
    return this.inFlight.size;
  }

  private async attempt(ticket: Ticket, live: Live): Promise<void> {
    const { job } = ticket;
    const lease = this.keepLease(ticket);
    let built: Built;
    let ts: string | undefined;
    let client: WebClient | undefined;
    try {
      client = live.client ?? (await this.clientFor(job.teamId));
      built = await this.build(job, client, live);
      ts = await this.send(job, this.message(job, built, built.llm), outcomeOf(built.result), live, client);
    } catch (err) {
      lease.stop();
      await this.failed(ticket, err);
      return;
    }
    lease.stop();
    void ticket.recorded.then((ok) =>
      ok
        ? this.services.store.outbox
            .done(job.teamId, ticket.id)
            .catch((err: Error) => this.services.logger.warn(`outbox entry not cleared: ${err.message}`))
        : undefined,
    );
    await this.refine(job, built, ts, live, client).catch((err: Error) =>
      this.services.logger.warn(`AI coaching update not delivered: ${describe(err)}`),
    );
  }

  /** The user's defaults, the coaching, the check recorded (a milestone, maybe), the buttons. */
  private async build(job: ReplyJob, client: WebClient | undefined, live: Live): Promise<Built> {
    const { services } = this;
    const { options, settings } = await userDefaults(services, job.teamId, job.userId, job.typed);
    let draft = job.draft;
    const notes: string[] = [];
    if (job.surface === "link") {
      const shared = await readShared(job.draft, job.links ?? [], services.linkPolicy, services.logger);
      draft = shared.draft;
      const lang = services.coach(draft, options).language;
      notes.push(
        ...shared.read.map((r) => STRINGS[lang].linkRead(r.title)),
        ...shared.unread.map((u) => STRINGS[lang].linkUnreadable(u)),
      );
    }
    // A link share with no words and no readable page: nothing to coach.
    if (draft === "") throw new NothingToCoach();
    const result = services.coach(draft, options);
    const revision =
      job.to.via === "thread" && job.to.ephemeralFor === undefined
        ? await previousCheck(client, job.to.channel, job.to.threadTs, services)
        : undefined;
    if (job.surface === "assistant" && !revision) {
      const title = firstWords(draft);
      const tools =
        live.assistant ?? (client && job.to.via === "thread" ? clientTools(client, job.to) : undefined);
      await tools?.setTitle?.(title).catch(() => undefined);
    }
    // Link coaching is not awaited by anyone, and an ephemeral message can't be updated: it waits
    // for the LLM (within LLM_TIMEOUT_MS) before it is sent.
    const llm =
      job.surface === "link" ? await refineWithLlm(services, job.teamId, draft, options, result) : undefined;
    const milestone = await noteCheck(services, client, {
      settings,
      teamId: job.teamId,
      userId: job.userId,
      channelId: job.channelId,
      draft,
      result,
      surface: job.surface,
      growth: revision ? comparedGrowth(revision, result) : undefined,
    });
    // A milestone is for the author alone, never shown in a public thread.
    const isPublic = job.surface === "link" && job.to.via === "thread" && !job.to.ephemeralFor;
    if (milestone && !isPublic) notes.push(milestone);
    const draftValue = job.buttons ? await this.buttonValue(job, draft) : undefined;
    return { result, draft, options, notes, draftValue, revision, llm };
  }

  /** The buttons' value, or none when a long draft could not be stored for them. */
  private async buttonValue(job: ReplyJob, draft: string): Promise<string | undefined> {
    const owner = { teamId: job.teamId, userId: job.userId };
    const encoding = this.services.refs.encode({ draft, options: job.typed }, owner).catch((err: Error) => {
      this.services.logger.warn(`buttons left out: the draft could not be kept for them (${err.message})`);
      return undefined;
    });
    const value = await within(encoding, this.options.recordWaitMs * 2);
    return value === TOO_LATE ? undefined : value;
  }

  private message(job: ReplyJob, b: Built, llm?: LlmRefinement) {
    const blocks = coachingBlocks(b.result, {
      draftValue: b.draftValue,
      canAskTeammate: job.buttons?.canAskTeammate,
      notes: [...b.notes, ...(llm?.notes ?? [])],
      questions: llm?.questions,
      revision: b.revision,
    });
    if (job.surface === "assistant") blocks.push(assistantHint(b.result.language));
    return { blocks, text: coachingText(b.result, llm?.questions) };
  }

  /** Sends the reply; resolves the message's ts when it has one that can be updated. */
  private async send(
    job: ReplyJob,
    message: ReturnType<Replies["message"]>,
    outcome: Revision,
    live: Live,
    client: WebClient | undefined,
  ): Promise<string | undefined> {
    const to = job.to;
    if (to.via === "response_url") {
      const respond = live.respond ?? this.respondTo(to.url);
      await respond({ response_type: "ephemeral", ...message });
      return undefined;
    }
    if (!client) throw new Permanent(`no Slack client for workspace ${job.teamId}`);
    if (to.ephemeralFor) {
      await client.chat.postEphemeral({
        channel: to.channel,
        user: to.ephemeralFor,
        thread_ts: to.threadTs,
        ...message,
      });
      return undefined;
    }
    const posted = await client.chat.postMessage({
      channel: to.channel,
      thread_ts: to.threadTs,
      ...message,
      unfurl_links: false,
      unfurl_media: false,
      // What the next version in this thread is compared with: the outcome, never the draft.
      metadata: {
        event_type: CHECK_EVENT,
        event_payload: {
          score: outcome.score,
          rules: outcome.rules.join(","),
          too_short: outcome.tooShort ?? false,
        },
      },
    });
    return posted.ts;
  }

  /** The LLM's questions, in place of the heuristic ones (streamed in the assistant thread). */
  private async refine(
    job: ReplyJob,
    b: Built,
    ts: string | undefined,
    live: Live,
    client: WebClient | undefined,
  ): Promise<void> {
    const { services } = this;
    if (!services.llm || job.surface === "link") return;
    const to = job.to;
    if (job.surface === "assistant" && to.via === "thread" && client) {
      const tools = live.assistant ?? clientTools(client, to);
      await tools.setStatus(STRINGS[b.result.language].thinking).catch(() => undefined);
      const streamed = await streamQuestions(
        services,
        job.teamId,
        b.draft,
        b.result,
        tools.sayStream,
        b.result.language,
      );
      if (streamed === "streamed") return;
      // Streaming unavailable (or the LLM was): the reply is updated in place, as in a DM.
      if (ts) await client.chat.update({ channel: to.channel, ts, ...this.message(job, b, streamed) });
      else await tools.setStatus("").catch(() => undefined);
      return;
    }
    const llm = await refineWithLlm(services, job.teamId, b.draft, b.options, b.result);
    if (!llm) return;
    const message = this.message(job, b, llm);
    if (to.via === "response_url") {
      const respond = live.respond ?? this.respondTo(to.url);
      await respond({ response_type: "ephemeral", replace_original: true, ...message });
    } else if (ts && client) await client.chat.update({ channel: to.channel, ts, ...message });
  }

  /** Bolt's respond(), for a reply replayed without its request: a POST to the response_url. */
  private respondTo(url: string): RespondFn {
    return async (message) => {
      const res = await this.fetchFn(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(typeof message === "string" ? { text: message } : message),
      });
      await res.body?.cancel();
      if (!res.ok)
        throw Object.assign(new Error(`response_url answered HTTP ${res.status}`), {
          code: ErrorCode.RespondError,
          statusCode: res.status,
        });
      return res;
    };
  }

  /** Keeps this process's hold on a reply that takes long (a slow Slack), so no other takes it over. */
  private keepLease(ticket: Ticket): { stop(): void } {
    const { services, options } = this;
    const timer = setInterval(
      () =>
        void services.store.outbox
          .renew(ticket.job.teamId, ticket.id, options.owner, services.now() + options.leaseMs)
          .catch(() => undefined),
      options.leaseMs / 3,
    );
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }

  /** A failed attempt: retried later while Slack still accepts it, unless Slack said it never will. */
  private async failed(ticket: Ticket, err: unknown): Promise<void> {
    const { services, options } = this;
    const { job } = ticket;
    if (isPermanent(err)) {
      if (!(err instanceof NothingToCoach))
        services.logger.warn(
          `coaching reply (${job.surface}) not delivered, and never will be: ${describe(err)}`,
        );
      if (await ticket.recorded)
        await services.store.outbox.done(job.teamId, ticket.id).catch(() => undefined);
      return;
    }
    const entry = await ticket.recorded;
    const attempts = (ticket as Ticket & { attempts?: number }).attempts ?? 1;
    const retryAt = services.now() + Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempts, 6));
    services.logger.warn(
      `coaching reply (${job.surface}) not delivered: ${describe(err)}${entry ? "; will try again" : ""}`,
    );
    if (entry)
      await services.store.outbox
        .release(job.teamId, ticket.id, options.owner, retryAt, describe(err))
        .catch(() => undefined);
  }

  /** Answers the replies no process holds: left by a crash, or failed and due again. */
  private async sweep(): Promise<void> {
    const { services, options } = this;
    try {
      const now = services.now();
      const expired = await services.store.outbox.purgeExpired(now);
      if (expired > 0)
        services.logger.warn(`${expired} coaching replies dropped: not delivered within 30 minutes`);
      await services.store.buttonDrafts.purgeExpired(now);
      // Claimed as a batch: another replica sweeping at the same moment gets other entries.
      const claimed = await services.store.outbox.claim(
        options.owner,
        services.now(),
        services.now() + options.leaseMs,
        SWEEP_BATCH,
      );
      // All started at once: each keeps its lease alive while it runs, none waits for another's.
      const answering: Promise<void>[] = [];
      for (const taken of claimed) {
        // Stopping: what this sweep claimed and did not start goes back at once.
        if (this.closed) {
          await services.store.outbox
            .release(taken.teamId, taken.id, options.owner, 0)
            .catch(() => undefined);
          continue;
        }
        const parsed = Job.safeParse(safeJson(taken.job));
        if (!parsed.success) {
          services.logger.warn("dropped an outbox entry this version cannot read");
          await services.store.outbox.done(taken.teamId, taken.id);
          continue;
        }
        services.logger.info(
          `answering a ${parsed.data.surface} reply owed since ${new Date(taken.createdAt).toISOString()}`,
        );
        const ticket = Object.assign(
          { job: parsed.data, id: taken.id, recorded: Promise.resolve(true) },
          { attempts: taken.attempts },
        );
        answering.push(this.answer(ticket));
      }
      await Promise.all(answering);
    } catch (err) {
      services.logger.warn(`outbox not read: ${(err as Error).message}`);
    }
  }
}

class Permanent extends Error {}
class NothingToCoach extends Permanent {}

/** Slack's errors that say "not now" rather than "never". */
const TRANSIENT = new Set([
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
  "ratelimited",
]);

/**
 * Slack said no for good: the response_url expired or was used up, the channel is gone, the bot
 * is not in it. Network trouble, rate limits and Slack's own errors are worth another try.
 */
function isPermanent(err: unknown): boolean {
  if (err instanceof Permanent) return true;
  const e = err as { code?: string; statusCode?: number };
  if (e.code === ErrorCode.RespondError)
    return e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500 && e.statusCode !== 429;
  return e.code === webApi.ErrorCode.PlatformError && !TRANSIENT.has(describe(err));
}

function describe(err: unknown): string {
  const e = err as { data?: { error?: string }; message?: string };
  return e.data?.error ?? e.message ?? String(err);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A thread's title from a draft's first words. */
export function firstWords(draft: string, max = 60): string {
  const flat = draft.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** What the next version is compared with (in a thread, in the revise modal): never the text. */
export function outcomeOf(result: CoachResult): Revision {
  return {
    score: result.score,
    rules: [...new Set(result.findings.map((f) => f.rule))],
    tooShort: !judged(result),
  };
}

/**
 * A revision's change of score, when both versions were judged: "Hello team" after a brag, or a
 * real draft after "x", is no growth (the short one's score says little and was never shown).
 */
export function comparedGrowth(before: Revision, after: CoachResult): { scoreDelta: number } | undefined {
  return judged(after) && !before.tooShort ? { scoreDelta: after.score - before.score } : undefined;
}

function assistantHint(lang: "en" | "fr") {
  return {
    type: "context" as const,
    elements: [{ type: "plain_text" as const, text: STRINGS[lang].reviseHere, emoji: true }],
  };
}

/** The assistant's utilities through the Web API, for a reply answered without its request. */
function clientTools(client: WebClient, to: { channel: string; threadTs: string }): ThreadTools {
  const thread = { channel_id: to.channel, thread_ts: to.threadTs };
  const setStatus: SetStatusFn = (status) =>
    client.assistant.threads.setStatus({ ...thread, ...(typeof status === "string" ? { status } : status) });
  return {
    setStatus,
    setTitle: (title) => client.assistant.threads.setTitle({ ...thread, title }),
    sayStream: (args) => client.chatStream({ channel: to.channel, thread_ts: to.threadTs, ...args }),
  };
}

const CheckMetadata = z.object({
  event_type: z.literal(CHECK_EVENT),
  event_payload: z.object({
    score: z.number().int().min(0).max(100),
    rules: z
      .string()
      .max(5000)
      .transform((r) => (r ? r.split(",") : [])),
    too_short: z.boolean().optional(),
  }),
});

/**
 * The outcome of the last draft coached in this thread, if any: read back from the metadata of
 * postcoach's own reply (the thread is the state; nothing is stored), so that a second message is
 * a revision whichever process answers it.
 */
async function previousCheck(
  client: WebClient | undefined,
  channel: string,
  threadTs: string,
  services: Services,
): Promise<Revision | undefined> {
  if (!client) return undefined;
  try {
    const res = await client.conversations.replies({
      channel,
      ts: threadTs,
      include_all_metadata: true,
      limit: 200,
    });
    for (const m of [...(res.messages ?? [])].reverse()) {
      const parsed = CheckMetadata.safeParse((m as { metadata?: unknown }).metadata);
      if (parsed.success) {
        const { score, rules, too_short } = parsed.data.event_payload;
        return { score, rules, tooShort: too_short };
      }
    }
  } catch (err) {
    services.logger.debug(`thread not read for a previous version: ${describe(err)}`);
  }
  return undefined;
}
