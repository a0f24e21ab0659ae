import { LANGUAGES, type Lang, PLATFORMS } from "../coach/index.js";
import { type Html, html, jsonForScript } from "./html.js";
import { PLAYGROUND_STRINGS } from "./strings.js";

/**
 * The playground's page, rendered in the visitor's language. Its script (assets/playground.js)
 * switches the words with the draft's language, from the strings embedded here.
 */
export function renderPage(lang: Lang): string {
  const s = PLAYGROUND_STRINGS[lang];
  const ui = s.ui;
  const uiStrings = Object.fromEntries(
    LANGUAGES.map((l) => [l, { ...PLAYGROUND_STRINGS[l].ui, platforms: PLAYGROUND_STRINGS[l].platforms }]),
  );
  const t = (key: keyof typeof ui): Html => html`data-i18n="${key}"`;
  const page = html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title ${t("title")}>${ui.title}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/playground.css">
<script type="application/json" id="pc-strings">${jsonForScript(uiStrings)}</script>
<script src="/assets/playground.js" defer></script>
</head>
<body>
<a class="pc-skip" href="#pc-coaching-title" ${t("skipToCoaching")}>${ui.skipToCoaching}</a>
<header class="pc-header">
<img src="/favicon.svg" alt="" width="32" height="32">
<div><h1 ${t("title")}>${ui.title}</h1><p ${t("tagline")}>${ui.tagline}</p></div>
</header>
<main class="pc-main">
<section class="pc-card pc-draft-card" aria-labelledby="pc-draft-title">
<h2 id="pc-draft-title"><label for="pc-draft" ${t("draftLabel")}>${ui.draftLabel}</label></h2>
<div id="pc-editor">
<textarea id="pc-draft" spellcheck="true" placeholder="${ui.placeholder}" data-i18n-placeholder="placeholder"></textarea>
</div>
<div id="pc-review" hidden><div id="pc-annotated"></div></div>
<div class="pc-controls">
<label><span ${t("platform")}>${ui.platform}</span>
<select id="pc-platform">${PLATFORMS.map(
    (p) => html`<option value="${p}" data-platform="${p}">${s.platforms[p]}</option>`,
  )}</select></label>
<label><span ${t("language")}>${ui.language}</span>
<select id="pc-lang"><option value="" ${t("auto")}>${ui.auto}</option>${LANGUAGES.map(
    (l) => html`<option value="${l}" lang="${l}">${s.languages[l]}</option>`,
  )}</select></label>
<button type="button" id="pc-go" class="pc-primary" ${t("coach")}>${ui.coach}</button>
<button type="button" id="pc-edit" hidden ${t("edit")}>${ui.edit}</button>
<button type="button" id="pc-new" class="pc-link" hidden ${t("startOver")}>${ui.startOver}</button>
</div>
<p id="pc-error" class="pc-error" role="alert"></p>
<noscript><p class="pc-error">${s.noScript}</p></noscript>
<div id="pc-review-help" hidden>
<p id="pc-marks-hint" class="pc-small pc-muted" ${t("marksHint")}>${ui.marksHint}</p>
<div id="pc-details" class="pc-details" aria-live="polite"><p class="pc-muted" ${t("detailsEmpty")}>${ui.detailsEmpty}</p></div>
</div>
</section>
<section class="pc-card pc-coaching-card" aria-labelledby="pc-coaching-title">
<h2 id="pc-coaching-title" tabindex="-1" ${t("coachingTitle")}>${ui.coachingTitle}</h2>
<p id="pc-status" class="pc-visually-hidden" role="status"></p>
<div id="pc-coaching"><p class="pc-muted" ${t("emptyCoaching")}>${ui.emptyCoaching}</p></div>
</section>
<section class="pc-card pc-slack-card" aria-labelledby="pc-slack-title" hidden id="pc-slack-card">
<h2 id="pc-slack-title" ${t("slackTitle")}>${ui.slackTitle}</h2>
<p class="pc-small pc-muted" ${t("slackHint")}>${ui.slackHint}</p>
<div id="pc-slack"></div>
<div class="pc-controls">
<button type="button" id="pc-copy" ${t("copyJson")}>${ui.copyJson}</button>
<span id="pc-copy-status" class="pc-small pc-muted" role="status"></span>
</div>
<details id="pc-json-details"><summary ${t("showJson")}>${ui.showJson}</summary><pre id="pc-json" tabindex="0"></pre></details>
</section>
</main>
</body>
</html>`;
  return page.value;
}

/** The visitor's language: ?lang=, then the first of Accept-Language the coach speaks. */
export function pageLanguage(query: string | null, acceptLanguage: string | undefined): Lang {
  if (query && (LANGUAGES as readonly string[]).includes(query)) return query as Lang;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(
        params
          .find((p) => p.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => (LANGUAGES as readonly string[]).includes(x.lang) && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return (ranked[0]?.lang as Lang | undefined) ?? "en";
}
