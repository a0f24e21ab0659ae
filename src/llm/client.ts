import OpenAI from "openai";
import { ANSWER_SCHEMA, SYSTEM_PROMPT, userPrompt } from "../coach/prompt.js";
import type { CoachResult, Platform } from "../coach/types.js";
import {
  cleanQuestion,
  type LlmAnswer,
  type LlmCache,
  MAX_QUESTIONS,
  parseContent,
  questionsSoFar,
  validateAnswer,
} from "./answer.js";
import { cacheKey } from "./cache-key.js";
import { redact } from "./redact.js";

/**
 * Asks an OpenAI-compatible server for sharper questions, within a time budget (LLM_TIMEOUT_MS).
 * Whatever goes wrong (timeout, refusal, bad output), the caller gets a reason and keeps the
 * heuristic questions. This is the only module that talks to the LLM; the coach does no I/O.
 */
export type LlmOutcome =
  | ({ ok: true; cached: boolean; ms: number } & LlmAnswer)
  | { ok: false; reason: "timeout" | "unavailable" | "invalid-output"; detail: string; ms: number };

export interface LlmConfig {
  apiKey: string;
  baseUrl?: string;
  model: string;
  timeoutMs: number;
  cache?: LlmCache;
  /** Debug-level log of tokens and latency; never the draft. */
  log?: (line: string) => void;
  /** Retries of the openai SDK on 408, 409, 429 and 5xx (Retry-After honoured), all within timeoutMs. */
  maxRetries?: number;
}

export const CACHE_TTL_MS = 24 * 60 * 60 * 1000;
const DEFAULT_RETRIES = 2;
const MAX_TOKENS = 600;
// A reasoning model spends completion tokens thinking before it writes the answer.
const MAX_REASONING_TOKENS = 4000;
const TEMPERATURE = 0.3;
/** Carries a request's deadline to budgetFetch; never sent. */
const DEADLINE_HEADER = "x-postcoach-deadline";

type Format = "json_schema" | "json_object" | "text";

/** What the server turned down, learnt from its 400s and not asked again. */
interface Accepted {
  format: Format;
  temperature: boolean;
  tokens: "max_tokens" | "max_completion_tokens";
  /** Servers (and gateways) with streaming turned off refuse `stream: true`. */
  stream: boolean;
}

const statusOf = (err: unknown) => (err instanceof OpenAI.APIError ? err.status : undefined);

function refused(err: unknown, what: RegExp, param?: string): boolean {
  const status = statusOf(err);
  if (status !== 400 && status !== 422) return false;
  if (param && (err as { param?: unknown }).param === param) return true;
  return what.test(err instanceof Error ? err.message.toLowerCase() : "");
}

/**
 * fetch for the SDK: a Retry-After longer than what is left of the budget makes the SDK give up at
 * once (`x-should-retry: false`) rather than sleep past the deadline, keeping the process alive.
 */
function budgetFetch(base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    const deadline = Number(headers.get(DEADLINE_HEADER));
    headers.delete(DEADLINE_HEADER);
    const res = await base(input, { ...init, headers });
    if (res.ok || !Number.isFinite(deadline) || deadline === 0) return res;
    const ms =
      Number(res.headers.get("retry-after-ms")) || Number(res.headers.get("retry-after")) * 1000 || 0;
    if (ms <= deadline - Date.now()) return res;
    const out = new Headers(res.headers);
    out.set("x-should-retry", "false");
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers: out });
  };
}

export class LlmCoach {
  private readonly client: OpenAI;
  private readonly accepted: Accepted;

  constructor(
    private readonly config: LlmConfig,
    shared?: { client: OpenAI; accepted: Accepted },
  ) {
    this.client =
      shared?.client ??
      new OpenAI({
        apiKey: config.apiKey,
        baseURL: config.baseUrl,
        maxRetries: config.maxRetries ?? DEFAULT_RETRIES,
        fetch: budgetFetch(),
      });
    this.accepted = shared?.accepted ?? {
      format: "json_schema",
      temperature: true,
      tokens: "max_tokens",
      stream: true,
    };
  }

  /**
   * The same coach reading and filling another cache (one per workspace): one HTTP client, and
   * what the server refused learnt once for all of them.
   */
  withCache(cache: LlmCache | undefined): LlmCoach {
    return new LlmCoach({ ...this.config, cache }, { client: this.client, accepted: this.accepted });
  }

  get model(): string {
    return this.config.model;
  }

  /** The LLM's questions about a draft, all at once. */
  refine(draft: string, result: CoachResult, platform: Platform = result.platform): Promise<LlmOutcome> {
    return this.ask(draft, result, platform);
  }

  /**
   * The same, streamed: `onQuestion` gets each question as soon as the server has finished writing
   * it (and has passed the checks every question passes), before the whole answer is in.
   */
  refineStreaming(
    draft: string,
    result: CoachResult,
    onQuestion: (question: string) => void | Promise<void>,
    platform: Platform = result.platform,
  ): Promise<LlmOutcome> {
    return this.ask(draft, result, platform, onQuestion);
  }

  private async ask(
    draft: string,
    result: CoachResult,
    platform: Platform,
    onQuestion?: (question: string) => void | Promise<void>,
  ): Promise<LlmOutcome> {
    const started = Date.now();
    const deadline = started + this.config.timeoutMs;
    const failed = (reason: "timeout" | "unavailable" | "invalid-output", detail: string): LlmOutcome => ({
      ok: false,
      reason,
      detail,
      ms: Date.now() - started,
    });
    const redacted = redact(draft.slice(0, result.analyzedLength));
    const key = cacheKey(this.config.model, redacted, result, platform);
    // Checked again on the way out: an answer cached before a check was added (questions in the
    // other language, say) is asked anew rather than shown for the rest of its day.
    const stored = await this.config.cache?.get(key).catch(() => undefined);
    const cached = stored === undefined ? undefined : validateAnswer(stored, result.language);
    if (cached) {
      for (const q of cached.questions) await onQuestion?.(q);
      return { ok: true, cached: true, ms: Date.now() - started, ...cached };
    }
    // Excerpts quote the draft: they leave redacted like the draft itself.
    const findings = result.findings.map((f) => ({ ...f, excerpt: redact(f.excerpt) }));
    const messages = [
      { role: "system" as const, content: SYSTEM_PROMPT },
      {
        role: "user" as const,
        content: userPrompt({ draft: redacted, result: { ...result, findings }, platform }),
      },
    ];
    const shown = new Set<string>();
    const show = onQuestion
      ? async (q: string) => {
          const clean = cleanQuestion(q, result.language);
          if (!clean || shown.has(clean) || shown.size >= MAX_QUESTIONS) return;
          shown.add(clean);
          await onQuestion(clean);
        }
      : undefined;
    for (;;) {
      const call = this.complete(messages, deadline, show);
      // The SDK may be waiting between two attempts: the deadline stops the wait for it here.
      call.catch(() => undefined);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), Math.max(0, deadline - Date.now()));
      });
      try {
        const content = await Promise.race([call, late]);
        if (content === undefined) return failed("timeout", "no answer within the budget");
        const answer = validateAnswer(
          parseContent(content, this.accepted.format !== "text"),
          result.language,
        );
        if (!answer)
          return failed(
            "invalid-output",
            `the answer was not 2-5 clean questions in the draft's language (${result.language})`,
          );
        // Questions that did not come as a stream (streaming off) are shown now, all at once.
        if (show) for (const q of answer.questions) await show(q);
        await this.config.cache?.set(key, answer, CACHE_TTL_MS).catch(() => undefined);
        return { ok: true, cached: false, ms: Date.now() - started, ...answer };
      } catch (err) {
        if (this.learnFrom(err)) continue;
        const status = statusOf(err);
        const timedOut =
          Date.now() >= deadline ||
          err instanceof OpenAI.APIConnectionTimeoutError ||
          err instanceof OpenAI.APIUserAbortError ||
          (err as Error).name === "AbortError";
        return failed(
          timedOut ? "timeout" : "unavailable",
          status ? `HTTP ${status}` : (err as Error).message,
        );
      } finally {
        clearTimeout(timer);
      }
    }
  }

  /**
   * What a refusal teaches: a server that refuses structured output gets json_object, then plain
   * text; a reasoning model that refuses `temperature` or `max_tokens` gets neither again. True
   * when the request is worth making again.
   */
  private learnFrom(err: unknown): boolean {
    const a = this.accepted;
    if (a.stream && refused(err, /stream/, "stream")) {
      a.stream = false;
      this.config.log?.("llm server refused streaming; now asking for whole answers");
      return true;
    }
    if (a.temperature && refused(err, /temperature/, "temperature")) {
      a.temperature = false;
      this.config.log?.("llm server refused temperature; no longer sent");
      return true;
    }
    if (a.tokens === "max_tokens" && refused(err, /max_tokens.*max_completion_tokens/, "max_tokens")) {
      a.tokens = "max_completion_tokens";
      this.config.log?.("llm server refused max_tokens; now using max_completion_tokens");
      return true;
    }
    if (a.format !== "text" && refused(err, /response_format|json_schema|json_object|structured|schema/)) {
      a.format = a.format === "json_schema" ? "json_object" : "text";
      this.config.log?.(`llm server refused the response format; now using ${a.format}`);
      return true;
    }
    return false;
  }

  private async complete(
    messages: { role: "system" | "user"; content: string }[],
    deadline: number,
    show?: (question: string) => Promise<void>,
  ): Promise<string> {
    const a = this.accepted;
    const response_format =
      a.format === "json_schema"
        ? {
            type: "json_schema" as const,
            json_schema: structuredClone(ANSWER_SCHEMA) as unknown as {
              name: string;
              strict: boolean;
              schema: Record<string, unknown>;
            },
          }
        : a.format === "json_object"
          ? { type: "json_object" as const }
          : undefined;
    const body = {
      model: this.config.model,
      messages,
      ...(a.tokens === "max_tokens"
        ? { max_tokens: MAX_TOKENS }
        : { max_completion_tokens: MAX_REASONING_TOKENS }),
      ...(a.temperature ? { temperature: TEMPERATURE } : {}),
      ...(response_format ? { response_format } : {}),
    };
    const left = Math.max(1, deadline - Date.now());
    const options = {
      signal: AbortSignal.timeout(left),
      timeout: left,
      headers: { [DEADLINE_HEADER]: String(deadline) },
    };
    const started = Date.now();
    let content = "";
    let usage: { prompt_tokens?: number; completion_tokens?: number } | undefined | null;
    let streamed = false;
    if (show && a.stream) {
      const { data: stream, response } = await this.client.chat.completions
        .create({ ...body, stream: true }, options)
        .withResponse();
      streamed = /text\/event-stream/i.test(response.headers.get("content-type") ?? "");
      if (streamed) {
        const json = a.format !== "text";
        let seen = 0;
        for await (const chunk of stream) {
          content += chunk.choices[0]?.delta?.content ?? "";
          usage = chunk.usage ?? usage;
          const done = questionsSoFar(content, json);
          for (; seen < done.length; seen++) await show(done[seen]!);
        }
      } else {
        // Streaming off on the server's side: it ignored `stream` and sent the whole completion.
        const completion = (await response.json()) as OpenAI.Chat.ChatCompletion;
        content = completion.choices?.[0]?.message?.content ?? "";
        usage = completion.usage;
      }
    } else {
      const completion = await this.client.chat.completions.create(body, options);
      content = completion.choices[0]?.message?.content ?? "";
      usage = completion.usage;
    }
    this.config.log?.(
      `llm ${this.config.model} answered in ${Date.now() - started} ms (${a.format}${streamed ? ", streamed" : ""}; tokens in ${usage?.prompt_tokens ?? "?"}, out ${usage?.completion_tokens ?? "?"})`,
    );
    return content;
  }
}
