import { styleText } from "node:util";
import { DIMENSION_LABELS, judged } from "./coach/messages.js";
import { type CoachResult, DIMENSIONS } from "./coach/types.js";
// One by one, not the coach's index: see cli.ts.
import type { Coaching } from "./llm/coaching.js";
import { withoutControls } from "./safe-text.js";

type Style = Parameters<typeof styleText>[0];

const PLATFORM_NAMES = { linkedin: "LinkedIn", x: "X", slack: "Slack", blog: "blog" } as const;
const LANGUAGE_NAMES = { en: "English", fr: "français" } as const;
const HEADINGS = {
  en: {
    findings: "What a reader may notice",
    strengths: "What already works",
    signals: "Also in the score",
    questions: "Questions to ask yourself",
    more: (n: number, rule: string) => `… and ${n} more [${rule}]`,
  },
  fr: {
    findings: "Ce qu'un lecteur peut remarquer",
    strengths: "Ce qui marche déjà",
    signals: "Compte aussi dans le score",
    questions: "Questions à vous poser",
    more: (n: number, rule: string) => `… et ${n} de plus [${rule}]`,
  },
} as const;

/**
 * A finding repeated through a long draft (the same brag pasted 25 times) is printed three times;
 * the rest is counted: the author sees the pattern, and the report stays a screen long. `--json`
 * keeps every finding.
 */
const FINDINGS_SHOWN_PER_RULE = 3;

function bar(value: number): string {
  const filled = Math.round(value / 10);
  return "█".repeat(filled) + "░".repeat(10 - filled);
}

/**
 * The human-readable terminal report of the CLI; colours only when asked (a TTY without NO_COLOR).
 * Every text in it can quote the draft, so each goes through withoutControls before it is painted.
 */
export function formatReport(unsafe: CoachResult & Partial<Coaching>, colour: boolean): string {
  const result = safeForTerminal(unsafe);
  const paint = (style: Style, s: string) => (colour ? styleText(style, s) : s);
  const lang = result.language;
  const h = HEADINGS[lang];
  const scoreStyle: Style =
    result.band === "reader-focused" ? "green" : result.band === "self-promotion" ? "red" : "yellow";
  const lines: string[] = [];
  const score = judged(result) ? `${paint(["bold", scoreStyle], `${result.score}/100`)}  ` : "";
  lines.push(
    `${paint("bold", "postcoach")}  ${score}${result.bandLabel}  ·  ${LANGUAGE_NAMES[lang]}  ·  ${PLATFORM_NAMES[result.platform]}`,
  );
  lines.push(result.summary);
  const labels = DIMENSION_LABELS[lang];
  const width = Math.max(...DIMENSIONS.map((d) => labels[d].length));
  if (judged(result)) {
    lines.push("");
    for (const d of DIMENSIONS) {
      lines.push(`  ${labels[d].padEnd(width)}  ${bar(result.dimensions[d])} ${result.dimensions[d]}`);
    }
  }
  if (result.findings.length > 0) {
    lines.push("", paint("bold", h.findings));
    // Per rule: how many findings, and the points of those not printed, so the points still add up.
    const seen = new Map<string, { n: number; hiddenPoints: number }>();
    for (const f of result.findings) {
      const rule = seen.get(f.rule) ?? { n: 0, hiddenPoints: 0 };
      seen.set(f.rule, rule);
      if (++rule.n > FINDINGS_SHOWN_PER_RULE) {
        rule.hiddenPoints += f.contribution;
        continue;
      }
      const icon = f.severity === "warning" ? paint("yellow", "▲") : paint("cyan", "●");
      lines.push(`  ${icon} ${f.message} ${paint("dim", `[${f.rule}] ${points(f.contribution)}`)}`);
      lines.push(`    ${paint("dim", `${f.start}-${f.end}`)} “${oneLine(f.excerpt)}”`);
    }
    for (const [rule, { n, hiddenPoints }] of seen)
      if (n > FINDINGS_SHOWN_PER_RULE)
        lines.push(
          `  ${paint("dim", `${h.more(n - FINDINGS_SHOWN_PER_RULE, rule)} ${points(Math.round(hiddenPoints * 10) / 10)}`)}`,
        );
  }
  if (result.strengths.length > 0) {
    lines.push("", paint("bold", h.strengths));
    const seen = new Set<string>();
    for (const s of result.strengths) {
      if (seen.has(s.rule)) continue;
      seen.add(s.rule);
      lines.push(`  ${paint("green", "✓")} ${s.message}`);
    }
  }
  if (result.signals.length > 0) {
    lines.push("", paint("bold", h.signals));
    for (const sig of result.signals) lines.push(`  ${sig.label} ${paint("dim", points(sig.contribution))}`);
  }
  lines.push("", paint("bold", result.coachedBy === "llm" ? `${h.questions} (AI coach)` : h.questions));
  result.questions.forEach((q, i) => {
    lines.push(`  ${i + 1}. ${q}`);
  });
  if (result.note) lines.push("", paint("dim", result.note));
  return `${lines.join("\n")}\n`;
}

/** Points in the score, signed: "−7.2", "+2". */
function points(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0";
}

function safeForTerminal<T extends CoachResult & Partial<Coaching>>(result: T): T {
  const clean = <F extends { message: string; excerpt?: string }>(f: F): F => ({
    ...f,
    message: withoutControls(f.message),
    ...(f.excerpt === undefined ? {} : { excerpt: withoutControls(f.excerpt) }),
  });
  return {
    ...result,
    summary: withoutControls(result.summary),
    findings: result.findings.map(clean),
    strengths: result.strengths.map(clean),
    questions: result.questions.map(withoutControls),
    signals: result.signals.map((sig) => ({ ...sig, label: withoutControls(sig.label) })),
    ...(result.note === undefined ? {} : { note: withoutControls(result.note) }),
  };
}

function oneLine(s: string): string {
  const folded = s.replace(/\s+/g, " ").trim();
  return folded.length > 80 ? `${folded.slice(0, 79)}…` : folded;
}
