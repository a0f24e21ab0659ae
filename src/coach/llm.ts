import { createHash } from "node:crypto";
import OpenAI from "openai";
import { z } from "zod";
import { ANSWER_SCHEMA, PROMPT_VERSION, SYSTEM_PROMPT, userPrompt } from "./prompt.js";
import { redact } from "./redact.js";
import type { CoachResult, Platform } from "./types.js";

/**
 * Asks an OpenAI-compatible server for sharper questions, within a time budget. Whatever goes
 * wrong (timeout, refusal, bad output), the caller gets a reason and keeps the heuristic questions.
 */
export interface LlmAnswer {
  questions: string[];
  observations: Partial<Record<"audience" | "authenticity" | "vulnerability", string>>;
}

export type LlmOutcome =
  | ({ ok: true; cached: boolean; ms: number } & LlmAnswer)
  | { ok: false; reason: "timeout" | "unavailable" | "invalid-output"; detail: string; ms: number };

/** Where answers are remembered (SQLite in the bot); keyed by a hash, never the draft. */
export interface LlmCache {
  get(key: string): Promise<LlmAnswer | undefined>;
  set(key: string, answer: LlmAnswer, ttlMs: number): Promise<void>;
}

export interface LlmConfig {
  apiKey: string;
  baseUrl?: string;
  model: string;
  timeoutMs: number;
  cache?: LlmCache;
  /** Debug-level log of tokens and latency; never the draft. */
  log?: (line: string) => void;
}

export const CACHE_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_QUESTION = 300;
const MAX_OBSERVATION = 280;

type Mode = "json_schema" | "json_object" | "text";

const answerSchema = z.object({
  questions: z.array(z.string()),
  observations: z
    .object({
      audience: z.string().nullish(),
      authenticity: z.string().nullish(),
      vulnerability: z.string().nullish(),
    })
    .partial()
    .nullish(),
});

// Anything that could link, mention or broadcast in Slack: the output must be questions only.
const FORBIDDEN_RE =
  /https?:\/\/|www\.|\b[a-z0-9-]+\.(?:com|org|net|io|fr|co|dev|ai|app)\b|<[@#!]|@(?:channel|here|everyone)\b|@[A-Za-z0-9._-]{2,}|[<>]/i;

function clean(text: string, max: number): string | undefined {
  const t = text.replace(/\s+/g, " ").trim();
  if (t === "" || t.length > max || FORBIDDEN_RE.test(t)) return undefined;
  return t;
}

/** Keeps what the coach may show: 2–5 questions, short observations, no links and no mentions. */
export function validateAnswer(raw: unknown): LlmAnswer | undefined {
  const parsed = answerSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const questions = parsed.data.questions
    .map((q) => clean(q, MAX_QUESTION))
    .filter((q): q is string => q?.endsWith("?") === true);
  const unique = [...new Set(questions)].slice(0, 5);
  if (unique.length < 2) return undefined;
  const observations: LlmAnswer["observations"] = {};
  for (const key of ["audience", "authenticity", "vulnerability"] as const) {
    const value = parsed.data.observations?.[key];
    const ok = typeof value === "string" ? clean(value, MAX_OBSERVATION) : undefined;
    if (ok) observations[key] = ok;
  }
  return { questions: unique, observations };
}

/** Reads an answer from plain text: a JSON object if there is one, else the lines that are questions. */
export function parseText(content: string): unknown {
  const start = content.indexOf("{");
  const end = content.lastIndexOf("}");
  if (start !== -1 && end > start) {
    try {
      return JSON.parse(content.slice(start, end + 1));
    } catch {
      // fall through to line parsing
    }
  }
  const questions = content
    .split("\n")
    .map((l) => l.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, "").trim())
    .filter((l) => l.endsWith("?"));
  return { questions, observations: null };
}

class Budget {
  readonly deadline: number;
  constructor(ms: number) {
    this.deadline = Date.now() + ms;
  }
  get left(): number {
    return Math.max(0, this.deadline - Date.now());
  }
}

function statusOf(err: unknown): number | undefined {
  return err instanceof OpenAI.APIError ? err.status : undefined;
}

function refusesFormat(err: unknown): boolean {
  const status = statusOf(err);
  const message = err instanceof Error ? err.message.toLowerCase() : "";
  return (
    (status === 400 || status === 422) &&
    /response_format|json_schema|json_object|structured|schema/.test(message)
  );
}

function retryAfterMs(err: unknown, attempt: number): number {
  const headers = err instanceof OpenAI.APIError ? err.headers : undefined;
  const ms = Number(headers?.get?.("retry-after-ms"));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const s = Number(headers?.get?.("retry-after"));
  if (Number.isFinite(s) && s > 0) return s * 1000;
  return 250 * 2 ** attempt;
}

export class LlmCoach {
  private readonly client: OpenAI;
  /** What the server accepted last: servers that refuse json_schema are not asked again. */
  private mode: Mode = "json_schema";

  constructor(private readonly config: LlmConfig) {
    this.client = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseUrl, maxRetries: 0 });
  }

  get model(): string {
    return this.config.model;
  }

  static cacheKey(model: string, redactedDraft: string, result: CoachResult, platform: Platform): string {
    return createHash("sha256")
      .update([PROMPT_VERSION, model, platform, result.language, redactedDraft].join("\u0000"))
      .digest("hex");
  }

  async refine(
    draft: string,
    result: CoachResult,
    platform: Platform = result.platform,
  ): Promise<LlmOutcome> {
    const started = Date.now();
    const budget = new Budget(this.config.timeoutMs);
    const redacted = redact(draft.slice(0, result.analyzedLength));
    const key = LlmCoach.cacheKey(this.config.model, redacted, result, platform);
    const cached = await this.config.cache?.get(key).catch(() => undefined);
    if (cached) return { ok: true, cached: true, ms: Date.now() - started, ...cached };

    const messages = [
      { role: "system" as const, content: SYSTEM_PROMPT },
      { role: "user" as const, content: userPrompt({ draft: redacted, result, platform }) },
    ];
    let attempt = 0;
    for (;;) {
      if (budget.left <= 0)
        return {
          ok: false,
          reason: "timeout",
          detail: "no answer within the budget",
          ms: Date.now() - started,
        };
      try {
        const content = await this.complete(messages, budget);
        const answer = validateAnswer(this.mode === "text" ? parseText(content) : safeJson(content));
        if (!answer)
          return {
            ok: false,
            reason: "invalid-output",
            detail: "the answer was not 2-5 clean questions",
            ms: Date.now() - started,
          };
        await this.config.cache?.set(key, answer, CACHE_TTL_MS).catch(() => undefined);
        return { ok: true, cached: false, ms: Date.now() - started, ...answer };
      } catch (err) {
        if (refusesFormat(err) && this.mode !== "text") {
          this.mode = this.mode === "json_schema" ? "json_object" : "text";
          this.config.log?.(`llm server refused the response format; now using ${this.mode}`);
          continue;
        }
        const status = statusOf(err);
        const retryable = status === 429 || (status !== undefined && status >= 500);
        const wait = retryAfterMs(err, attempt);
        if (retryable && attempt === 0 && wait < budget.left) {
          attempt++;
          await new Promise((r) => setTimeout(r, wait));
          continue;
        }
        const timedOut =
          budget.left <= 0 ||
          err instanceof OpenAI.APIConnectionTimeoutError ||
          (err as Error).name === "AbortError" ||
          err instanceof OpenAI.APIUserAbortError;
        return {
          ok: false,
          reason: timedOut ? "timeout" : "unavailable",
          detail: status ? `HTTP ${status}` : (err as Error).message,
          ms: Date.now() - started,
        };
      }
    }
  }

  private async complete(
    messages: { role: "system" | "user"; content: string }[],
    budget: Budget,
  ): Promise<string> {
    const response_format =
      this.mode === "json_schema"
        ? {
            type: "json_schema" as const,
            json_schema: structuredClone(ANSWER_SCHEMA) as unknown as {
              name: string;
              strict: boolean;
              schema: Record<string, unknown>;
            },
          }
        : this.mode === "json_object"
          ? { type: "json_object" as const }
          : undefined;
    const started = Date.now();
    const completion = await this.client.chat.completions.create(
      {
        model: this.config.model,
        messages,
        temperature: 0.3,
        max_tokens: 600,
        ...(response_format ? { response_format } : {}),
      },
      { signal: AbortSignal.timeout(budget.left), timeout: budget.left, maxRetries: 0 },
    );
    const usage = completion.usage;
    this.config.log?.(
      `llm ${this.config.model} answered in ${Date.now() - started} ms (${this.mode}; tokens in ${usage?.prompt_tokens ?? "?"}, out ${usage?.completion_tokens ?? "?"})`,
    );
    return completion.choices[0]?.message?.content ?? "";
  }
}

function safeJson(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch {
    return parseText(content);
  }
}
