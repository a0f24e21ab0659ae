import { z } from "zod";
import { readsAsOtherLanguage } from "../coach/text.js";
import type { Lang } from "../coach/types.js";

/** What the coach may show of an LLM's answer: 2–5 questions and short observations. */
export interface LlmAnswer {
  questions: string[];
  observations: Partial<Record<"audience" | "authenticity" | "vulnerability", string>>;
}

/** Where answers are remembered (the store in the bot); keyed by a hash, never the draft. */
export interface LlmCache {
  get(key: string): Promise<LlmAnswer | undefined>;
  set(key: string, answer: LlmAnswer, ttlMs: number): Promise<void>;
}

const MAX_QUESTION = 300;
const MAX_OBSERVATION = 280;
export const MAX_QUESTIONS = 5;

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

/**
 * The text as the coach may show it, or undefined: short, no link or mention, and in the draft's
 * language when one is given (a model may answer a French draft in English whatever it is told).
 */
function clean(text: string, max: number, lang?: Lang): string | undefined {
  const t = text.replace(/\s+/g, " ").trim();
  if (t === "" || t.length > max || FORBIDDEN_RE.test(t)) return undefined;
  if (lang && readsAsOtherLanguage(t, lang)) return undefined;
  return t;
}

/** One question as the coach may show it (short, a question, no link or mention), or undefined. */
export function cleanQuestion(text: string, lang?: Lang): string | undefined {
  const q = clean(text, MAX_QUESTION, lang);
  return q?.endsWith("?") ? q : undefined;
}

/**
 * Keeps what the coach may show: 2–5 questions, short observations, no links and no mentions, and
 * (given the draft's language) none written in the other language.
 */
export function validateAnswer(raw: unknown, lang?: Lang): LlmAnswer | undefined {
  const parsed = answerSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const questions = parsed.data.questions
    .map((q) => cleanQuestion(q, lang))
    .filter((q): q is string => q !== undefined);
  const unique = [...new Set(questions)].slice(0, MAX_QUESTIONS);
  if (unique.length < 2) return undefined;
  const observations: LlmAnswer["observations"] = {};
  for (const key of ["audience", "authenticity", "vulnerability"] as const) {
    const value = parsed.data.observations?.[key];
    const ok = typeof value === "string" ? clean(value, MAX_OBSERVATION, lang) : undefined;
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
  return { questions: questionLines(content), observations: null };
}

function questionLines(content: string): string[] {
  return content
    .split("\n")
    .map((l) => l.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, "").trim())
    .filter((l) => l.endsWith("?"));
}

/** The whole answer, in the format the server was asked for. */
export function parseContent(content: string, json: boolean): unknown {
  if (!json) return parseText(content);
  try {
    return JSON.parse(content);
  } catch {
    return parseText(content);
  }
}

const STRING_RE = /\s*,?\s*"((?:[^"\\]|\\.)*)"/y;

/**
 * The questions complete so far in an answer still arriving (streamed): the finished strings of
 * its "questions" array, or in plain text the finished lines that are questions.
 */
export function questionsSoFar(partial: string, json: boolean): string[] {
  if (!json) return questionLines(partial.slice(0, partial.lastIndexOf("\n") + 1));
  const key = partial.indexOf('"questions"');
  const open = key < 0 ? -1 : partial.indexOf("[", key);
  if (open < 0) return [];
  const out: string[] = [];
  STRING_RE.lastIndex = open + 1;
  for (let m = STRING_RE.exec(partial); m; m = STRING_RE.exec(partial)) {
    try {
      out.push(JSON.parse(`"${m[1]}"`) as string);
    } catch {
      break;
    }
  }
  return out;
}
