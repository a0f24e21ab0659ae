import type { AnalyzeOptions, CoachResult } from "../coach/index.js";
import type { Services } from "../services.js";
import { coachingBlocks, coachingText } from "../slack/blocks.js";

/** The ephemeral coaching reply shared by /postcheck, the shortcut and link shares. */
export function coachingMessage(
  services: Services,
  draft: string,
  result: CoachResult,
  options: AnalyzeOptions,
  extra: { canAskTeammate?: boolean; notes?: string[]; buttons?: boolean } = {},
) {
  const draftValue = extra.buttons === false ? undefined : services.refs.encode({ draft, options });
  return {
    blocks: coachingBlocks(result, { draftValue, canAskTeammate: extra.canAskTeammate, notes: extra.notes }),
    text: coachingText(result),
  };
}

/** Options a user can put before a draft: --x, --linkedin, --slack, --blog, --platform NAME, --lang en|fr. */
export function parseDraftOptions(text: string): { draft: string; options: AnalyzeOptions } {
  const options: AnalyzeOptions = {};
  let rest = text;
  for (;;) {
    const m = /^\s*--(x|twitter|linkedin|slack|blog|platform\s+(\w+)|lang\s+(en|fr)|en|fr)\b/i.exec(rest);
    if (!m) break;
    const flag = m[1]!.toLowerCase();
    if (m[2]) {
      const p = m[2].toLowerCase() === "twitter" ? "x" : m[2].toLowerCase();
      if (p === "x" || p === "linkedin" || p === "slack" || p === "blog") options.platform = p;
    } else if (m[3]) options.lang = m[3].toLowerCase() as "en" | "fr";
    else if (flag === "en" || flag === "fr") options.lang = flag;
    else options.platform = flag === "twitter" ? "x" : (flag as AnalyzeOptions["platform"]);
    rest = rest.slice(m[0].length);
  }
  return { draft: rest.trim(), options };
}
