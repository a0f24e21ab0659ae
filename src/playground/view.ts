import {
  type CoachResult,
  DIMENSION_LABELS,
  DIMENSIONS,
  type Finding,
  judged,
  type Lang,
  quote,
  RULES_BY_ID,
  type Severity,
  titleOf,
} from "../coach/index.js";
import { STRINGS } from "../slack/strings.js";
import { type Html, html } from "./html.js";
import { mrkdwn } from "./slack-preview.js";
import { PLAYGROUND_STRINGS, type PlaygroundStrings } from "./strings.js";

/**
 * The coach's answer as the playground shows it: the draft with its findings marked in place,
 * findings grouped by what they say (with their quotes), the score and what changed since the
 * previous version. Rendered on the server; the page's script only swaps fragments in and
 * handles selection.
 */

/** Marks drawn in the draft: past this many, the list still counts every finding. */
export const MAX_MARKS = 100;
/** Quotes listed under a group before "and N more". */
export const MAX_QUOTES = 6;

/** What a revision is compared with: enough to say which findings are gone, nothing more. */
export interface Snapshot {
  score: number;
  /** Too short to judge: its score was never shown, so no change is. */
  tooShort?: boolean;
  findings: { rule: string; message: string; excerpt: string }[];
}

export interface FindingGroup {
  id: string;
  rule: string;
  title: string;
  message: string;
  suggestion: string;
  question?: string;
  severity: Severity;
  /** What the group's findings take from the score, together. */
  points: number;
  /** The findings of this group: ids ("f3") and excerpts, in reading order. */
  items: { id: string; excerpt: string; marked: boolean }[];
}

/** The reflective question a rule asks about a finding, quoting it as the coach does. */
function questionOf(f: Finding, lang: Lang): string | undefined {
  const texts = RULES_BY_ID.get(f.rule)?.texts[lang];
  if (!texts) return undefined;
  const variant = Object.values(texts).find((t) => t.message === f.message) ?? texts.default;
  return variant?.question?.replace("{q}", quote(f.excerpt, lang));
}

/** The findings that get a mark: the first MAX_MARKS with a span, in reading order. */
function markedIds(result: CoachResult): Set<string> {
  const ids = result.findings
    .map((f, i) => ({ f, id: `f${i}` }))
    .filter(({ f }) => f.end > f.start)
    .sort((a, b) => a.f.start - b.f.start)
    .slice(0, MAX_MARKS)
    .map(({ id }) => id);
  return new Set(ids);
}

/** Findings grouped by what they say: warnings first, then in the order a reader meets them. */
export function groupFindings(result: CoachResult): FindingGroup[] {
  const marked = markedIds(result);
  const groups = new Map<string, FindingGroup & { first: number }>();
  result.findings.forEach((f, i) => {
    const key = `${f.rule}\u0000${f.message}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        id: "",
        rule: f.rule,
        title: titleOf(f.message),
        message: f.message,
        suggestion: f.suggestion,
        question: questionOf(f, result.language),
        severity: f.severity,
        points: 0,
        items: [],
        first: f.start,
      };
      groups.set(key, g);
    }
    g.items.push({ id: `f${i}`, excerpt: f.excerpt, marked: marked.has(`f${i}`) });
    g.points = Math.round((g.points + f.contribution) * 10) / 10;
  });
  return [...groups.values()]
    .sort((a, b) => (a.severity === b.severity ? a.first - b.first : a.severity === "warning" ? -1 : 1))
    .map(({ first: _, ...g }, i) => ({ ...g, id: `g${i}` }));
}

const SEVERITY_SIGN: Record<Severity, string> = { warning: "▲", info: "●" };

function quoteButtons(g: FindingGroup, lang: Lang, s: PlaygroundStrings, max = MAX_QUOTES): Html {
  const shown = g.items.slice(0, max);
  const rest = g.items.length - shown.length;
  return html`${shown.map((item, i) =>
    item.marked
      ? html`${i > 0 ? ", " : ""}<button type="button" class="pc-quote" data-f="${item.id}">${quote(item.excerpt, lang)}</button>`
      : html`${i > 0 ? ", " : ""}<span class="pc-quote">${quote(item.excerpt, lang)}</span>`,
  )}${rest > 0 ? html` <span class="pc-more">${s.andMore(rest)}</span>` : ""}`;
}

/** What one group says: its message, the guidance behind it, its question, and where it is. */
function groupDetail(g: FindingGroup, lang: Lang, s: PlaygroundStrings): Html {
  return html`<p class="pc-message">${g.message}</p>
<p><span class="pc-label">${s.guidance}</span> ${g.suggestion}</p>
${g.question ? html`<p><span class="pc-label">${s.question}</span> ${g.question}</p>` : ""}
<p class="pc-quotes"><span class="pc-label">${s.quotes}</span> ${quoteButtons(g, lang, s)}</p>`;
}

/** The draft with marks where findings are. Overlapping findings split into segments that carry all of them. */
export function renderDraft(text: string, result: CoachResult, groups: FindingGroup[]): Html {
  const s = PLAYGROUND_STRINGS[result.language];
  const groupOf = new Map<string, FindingGroup>();
  for (const g of groups) for (const item of g.items) groupOf.set(item.id, g);
  const marked = markedIds(result);
  const spans = result.findings
    .map((f, i) => ({ id: `f${i}`, start: f.start, end: f.end, severity: f.severity }))
    .filter((f) => marked.has(f.id));
  const analysed = text.slice(0, result.analyzedLength);
  const cuts = new Set([0, analysed.length]);
  for (const f of spans) cuts.add(f.start).add(f.end);
  const points = [...cuts].sort((a, b) => a - b);

  const parts: Html[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const piece = analysed.slice(start, end);
    const covering = spans.filter((f) => f.start <= start && f.end >= end);
    if (covering.length === 0) {
      parts.push(html`${piece}`);
      continue;
    }
    const owners = [...new Set(covering.map((f) => groupOf.get(f.id)!))];
    const warning = covering.some((f) => f.severity === "warning");
    const depth = Math.min(covering.length, 3);
    const label = `${quote(piece, result.language)}: ${owners.map((g) => g.title).join("; ")}`;
    parts.push(
      html`<mark class="pc-mark pc-${warning ? "warning" : "info"} pc-depth-${depth}" role="button" tabindex="-1" aria-label="${label}" data-f="${covering.map((f) => f.id).join(" ")}" data-g="${owners.map((g) => g.id).join(" ")}">${piece}</mark>`,
    );
  }
  const notes: string[] = [];
  const total = result.findings.filter((f) => f.end > f.start).length;
  if (spans.length < total) notes.push(s.marksLimited(spans.length, total));
  const unread = text.slice(result.analyzedLength);
  if (unread) notes.push(s.unread(result.analyzedLength));
  return html`<div class="pc-annotated" role="group" aria-label="${s.draftRegion}" aria-describedby="pc-marks-hint">${parts}${
    unread ? html`<span class="pc-unread">${unread}</span>` : ""
  }</div>${notes.map((n) => html`<p class="pc-note">${n}</p>`)}`;
}

function findingsSection(result: CoachResult, groups: FindingGroup[], s: PlaygroundStrings): Html {
  const lang = result.language;
  if (groups.length === 0)
    return html`<h3>${STRINGS[lang].findingsTitle}</h3><p class="pc-muted">${s.noFindings}</p>`;
  return html`<h3>${STRINGS[lang].findingsTitle}</h3>
<ul class="pc-groups">${groups.map((g) => {
    const preview = g.items.slice(0, 3).map((item) => quote(item.excerpt, lang));
    return html`<li class="pc-group pc-${g.severity}">
<button type="button" class="pc-group-toggle" aria-expanded="false" aria-controls="pc-gd-${g.id}" data-g="${g.id}"><span class="pc-sev" aria-hidden="true">${SEVERITY_SIGN[g.severity]}</span> <span class="pc-visually-hidden">${s.severity[g.severity]}:</span> <span class="pc-title">${g.title}</span>${
      g.items.length > 1 ? html` <span class="pc-count">${s.times(g.items.length)}</span>` : ""
    }${g.points !== 0 ? html` <span class="pc-points">${s.points(g.points)}</span>` : ""}<span class="pc-preview">${preview.join(", ")}${g.items.length > 3 ? " …" : ""}</span></button>
<div class="pc-group-detail" id="pc-gd-${g.id}" data-g="${g.id}" hidden>${groupDetail(g, lang, s)}</div>
</li>`;
  })}</ul>`;
}

function strengthsSection(result: CoachResult, s: PlaygroundStrings): Html {
  if (result.strengths.length === 0) return html``;
  const byMessage = new Map<string, string[]>();
  for (const st of result.strengths) {
    const quotes = byMessage.get(st.message) ?? [];
    if (st.excerpt.trim()) quotes.push(quote(st.excerpt, result.language));
    byMessage.set(st.message, quotes);
  }
  return html`<h3>${s.strengthsTitle}</h3><ul class="pc-strengths">${[...byMessage].map(
    ([message, quotes]) =>
      html`<li>${message}${quotes.length ? html` <span class="pc-muted">${quotes.join(", ")}</span>` : ""}</li>`,
  )}</ul>`;
}

/** What the whole draft does, with its points: the part of the score no single phrase explains. */
function signalsSection(result: CoachResult, s: PlaygroundStrings): Html {
  if (result.signals.length === 0) return html``;
  return html`<h3>${s.signalsTitle}</h3><ul class="pc-signals">${result.signals.map(
    (sig) => html`<li>${sig.label} <span class="pc-points">${s.points(sig.contribution)}</span></li>`,
  )}</ul>`;
}

/** The questions, and what the LLM added when it answered (its observations) or the note when it didn't. */
export function renderQuestions(lang: Lang, questions: string[], notes: string[] = []): Html {
  const s = PLAYGROUND_STRINGS[lang];
  return html`<h3>${STRINGS[lang].questionsTitle}</h3>
<ol class="pc-questions">${questions.map((q) => html`<li>${q}</li>`)}</ol>${
    notes.length
      ? html`<ul class="pc-observations" aria-label="${s.observationsTitle}">${notes.map((n) => html`<li>${n}</li>`)}</ul>`
      : ""
  }`;
}

/** Excerpts kept for comparing versions: enough to tell findings apart and quote them. */
const SNAPSHOT_EXCERPT = 200;

export function snapshotOf(result: CoachResult): Snapshot {
  return {
    score: result.score,
    tooShort: !judged(result),
    findings: result.findings.map((f) => ({
      rule: f.rule,
      message: f.message,
      excerpt: f.excerpt.replace(/\s+/g, " ").trim().slice(0, SNAPSHOT_EXCERPT),
    })),
  };
}

const keyOf = (f: Snapshot["findings"][number]) => `${f.rule}\u0000${f.excerpt}`;

/** Findings of `a` that `b` doesn't have, one for one (three hashtags gone out of five). */
function missingFrom(a: Snapshot["findings"], b: Snapshot["findings"]): Snapshot["findings"] {
  const left = new Map<string, number>();
  for (const f of b) left.set(keyOf(f), (left.get(keyOf(f)) ?? 0) + 1);
  return a.filter((f) => {
    const n = left.get(keyOf(f)) ?? 0;
    if (n > 0) left.set(keyOf(f), n - 1);
    return n === 0;
  });
}

function changeList(items: Snapshot["findings"], lang: Lang, sign: string, cls: string): Html {
  const byMessage = new Map<string, string[]>();
  for (const f of items) byMessage.set(f.message, [...(byMessage.get(f.message) ?? []), f.excerpt]);
  return html`<ul class="${cls}">${[...byMessage].map(([message, excerpts]) => {
    const shown = excerpts.slice(0, MAX_QUOTES).map((e) => quote(e, lang));
    const rest = excerpts.length - shown.length;
    return html`<li><span aria-hidden="true">${sign}</span> ${titleOf(message)} <span class="pc-muted">${shown.join(", ")}${
      rest > 0 ? ` ${PLAYGROUND_STRINGS[lang].andMore(rest)}` : ""
    }</span></li>`;
  })}</ul>`;
}

/** The score change and which findings are gone or new since the previous version. */
function revisionSection(previous: Snapshot, result: CoachResult, s: PlaygroundStrings): Html {
  const now = snapshotOf(result).findings;
  const gone = missingFrom(previous.findings, now);
  const added = missingFrom(now, previous.findings);
  const slack = STRINGS[result.language];
  return html`<section class="pc-revision" aria-labelledby="pc-revision-title">
<h3 id="pc-revision-title">${s.revisionTitle}</h3>
${
  !judged(result)
    ? html`<p class="pc-delta">${slack.tooShortToCompare}</p>`
    : previous.tooShort
      ? ""
      : html`<p class="pc-delta">${mrkdwn(slack.delta(previous.score, result.score))}</p>`
}
${
  gone.length
    ? html`<h4>${slack.resolved}</h4>${changeList(gone, result.language, "✓", "pc-gone")}`
    : previous.findings.length
      ? html`<p class="pc-muted">${slack.nothingResolved}</p>`
      : ""
}
${added.length ? html`<h4>${s.newFindings}</h4>${changeList(added, result.language, "+", "pc-new")}` : ""}
</section>`;
}

/** Score, dimensions, summary, the revision (if any), grouped findings, strengths and questions. */
export function renderCoaching(
  result: CoachResult,
  groups: FindingGroup[],
  options: { previous?: Snapshot; questions?: Html } = {},
): Html {
  const s = PLAYGROUND_STRINGS[result.language];
  const labels = DIMENSION_LABELS[result.language];
  const tooShort = !judged(result);
  const score = tooShort
    ? html`<div class="pc-score" role="img" aria-label="${result.bandLabel}"><span class="pc-score-num">–</span></div>`
    : html`<div class="pc-score" role="img" aria-label="${s.score}: ${s.scoreOf(result.score)}"><span class="pc-score-num">${result.score}</span><span class="pc-score-max">/100</span></div>`;
  const dims = tooShort
    ? ""
    : html`<dl class="pc-dims">${DIMENSIONS.map(
        (d) =>
          html`<div class="pc-dim"><dt>${labels[d]}</dt><dd><meter min="0" max="100" low="40" high="70" optimum="100" value="${result.dimensions[d]}" aria-label="${labels[d]}">${result.dimensions[d]}</meter><span>${result.dimensions[d]}</span></dd></div>`,
      )}</dl>`;
  return html`${score}
<p class="pc-band pc-band-${result.band}">${result.bandLabel}</p>
<p class="pc-summary">${result.summary}</p>
${dims}
${options.previous ? revisionSection(options.previous, result, s) : ""}
${findingsSection(result, groups, s)}
${strengthsSection(result, s)}
${signalsSection(result, s)}
<div id="pc-questions">${options.questions ?? renderQuestions(result.language, result.questions)}</div>
<p id="pc-llm-status" class="pc-muted" role="status"></p>`;
}
