// The playground's script: sends the draft, swaps in the HTML the server renders, and handles
// selection (marks in the draft, findings in the list) with the mouse, the keyboard or touch.
// Nothing is kept in the browser beyond this page: no storage, no cookies.

const $ = (id) => document.getElementById(id);
const STRINGS = JSON.parse($("pc-strings").textContent);

const editor = $("pc-editor");
const draft = $("pc-draft");
const review = $("pc-review");
const reviewHelp = $("pc-review-help");
const annotated = $("pc-annotated");
const details = $("pc-details");
const coaching = $("pc-coaching");
const goButton = $("pc-go");
const editButton = $("pc-edit");
const newButton = $("pc-new");
const platform = $("pc-platform");
const langPicker = $("pc-lang");
const errorBox = $("pc-error");
const status = $("pc-status");
const slackCard = $("pc-slack-card");

let pageLang = document.documentElement.lang === "fr" ? "fr" : "en";
let resultLang = null;
/** What the next check is compared with: the previous version's score and findings. */
let previous = null;
let coachedText = null;
let slackJson = null;
let sequence = 0;
let inFlight = null;

const t = (key) => STRINGS[pageLang][key];

/** Counts what happened on the body (data-checks, data-errors), for styles and for tests to wait on. */
function count(what) {
  document.body.dataset[what] = String(Number(document.body.dataset[what] || 0) + 1);
}

function setLanguage(lang) {
  if (!STRINGS[lang]) return;
  pageLang = lang;
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll("[data-i18n-placeholder]")) {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  }
  for (const option of platform.options) option.textContent = STRINGS[lang].platforms[option.value];
  goButton.textContent = previous ? t("coachAgain") : t("coach");
}

function setMode(mode) {
  const reviewing = mode === "review";
  editor.hidden = reviewing;
  review.hidden = !reviewing;
  reviewHelp.hidden = !reviewing;
  goButton.hidden = reviewing;
  editButton.hidden = !reviewing;
  newButton.hidden = previous === null;
  goButton.textContent = previous ? t("coachAgain") : t("coach");
}

function showError(message) {
  errorBox.textContent = message;
}

async function postJson(path, body, signal) {
  const res = await fetch(`${path}?ui=${pageLang}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
  let data = null;
  try {
    data = await res.json();
  } catch {
    // Not JSON: said below in the page's words.
  }
  if (!res.ok) throw new Error(data?.error || t("networkError"));
  return data;
}

/** Coaches the draft in the box; `moveFocus` when the user asked for it (not on a picker change). */
async function coach(moveFocus) {
  const text = draft.value;
  showError("");
  if (text.trim() === "") {
    showError(t("emptyDraft"));
    draft.focus();
    return;
  }
  inFlight?.abort();
  inFlight = new AbortController();
  const mine = ++sequence;
  goButton.disabled = true;
  status.textContent = t("checking");
  const request = {
    text,
    platform: platform.value,
    lang: langPicker.value || undefined,
    // A revision is compared with the version before it; the same text under another platform
    // or language is not a revision.
    previous: previous && text !== coachedText ? previous : undefined,
  };
  let data;
  try {
    data = await postJson("/api/check", request, inFlight.signal);
  } catch (err) {
    if (err.name === "AbortError") return;
    status.textContent = "";
    showError(err instanceof TypeError ? t("networkError") : err.message);
    count("errors");
    return;
  } finally {
    if (mine === sequence) goButton.disabled = false;
  }
  if (mine !== sequence) return;
  resultLang = data.language;
  setLanguage(langPicker.value || data.language);
  annotated.innerHTML = data.html.draft;
  coaching.innerHTML = data.html.coaching;
  $("pc-slack").innerHTML = data.html.slack;
  showSlackJson(data.slack);
  slackCard.hidden = false;
  clearSelection();
  previous = data.snapshot;
  coachedText = text;
  setMode("review");
  status.textContent = t("scored").replace("{score}", data.score).replace("{n}", data.findings);
  const marks = allMarks();
  marks.forEach((m, i) => {
    m.tabIndex = i === 0 ? 0 : -1;
  });
  if (marks.length === 0) annotated.firstElementChild?.setAttribute("tabindex", "0");
  if (moveFocus) (marks[0] ?? $("pc-coaching-title")).focus();
  count("checks");
  if (data.llm) refine(request, mine);
}

/** The LLM's questions replace the heuristic ones when it answers; a note says when it doesn't. */
async function refine(request, mine) {
  const llmStatus = $("pc-llm-status");
  llmStatus.textContent = t("llmPending");
  document.body.dataset.llm = "pending";
  let data;
  try {
    data = await postJson("/api/refine", { ...request, previous: undefined }, inFlight.signal);
  } catch (err) {
    if (err.name === "AbortError" || mine !== sequence) return;
    llmStatus.textContent = err.message;
    document.body.dataset.llm = "failed";
    return;
  }
  if (mine !== sequence) return;
  $("pc-questions").innerHTML = data.html.questions;
  $("pc-slack").innerHTML = data.html.slack;
  showSlackJson(data.slack);
  llmStatus.textContent = data.coachedBy === "llm" ? t("llmDone") : data.note || "";
  document.body.dataset.llm = data.coachedBy;
}

function showSlackJson(json) {
  slackJson = json;
  $("pc-json").textContent = JSON.stringify(json, null, 2);
  $("pc-copy-status").textContent = "";
}

const allMarks = () => [...annotated.querySelectorAll(".pc-mark")];
const idsOf = (el, key) => (el.dataset[key] || "").split(" ").filter(Boolean);

function clearSelection() {
  for (const m of annotated.querySelectorAll(".pc-active")) m.classList.remove("pc-active");
  for (const m of annotated.querySelectorAll("[aria-pressed]")) m.removeAttribute("aria-pressed");
  details.replaceChildren(hint("detailsEmpty"));
}

/** A muted line in the page's words that follows the page's language. */
function hint(key) {
  const p = Object.assign(document.createElement("p"), { className: "pc-muted", textContent: t(key) });
  p.dataset.i18n = key;
  return p;
}

/** Highlights the marks of some findings (or groups) and makes `focusMark` the keyboard stop. */
function highlight(predicate, focusMark) {
  for (const m of allMarks()) m.classList.toggle("pc-active", predicate(m));
  if (focusMark) {
    for (const m of allMarks()) m.tabIndex = m === focusMark ? 0 : -1;
  }
}

/** Shows what a reader may notice in a marked passage: every finding that covers it. */
function selectMark(mark, focus) {
  const findings = new Set(idsOf(mark, "f"));
  highlight((m) => idsOf(m, "f").some((f) => findings.has(f)), mark);
  for (const m of annotated.querySelectorAll("[aria-pressed]")) m.removeAttribute("aria-pressed");
  mark.setAttribute("aria-pressed", "true");
  const parts = idsOf(mark, "g").map((g) => {
    const source = $(`pc-gd-${g}`);
    const part = document.createElement("div");
    part.className = "pc-detail";
    if (source) part.append(...source.cloneNode(true).childNodes);
    return part;
  });
  details.replaceChildren(...parts);
  if (focus) mark.focus();
}

function toggleGroup(button) {
  const open = button.getAttribute("aria-expanded") !== "true";
  button.setAttribute("aria-expanded", String(open));
  $(button.getAttribute("aria-controls")).hidden = !open;
  if (open) {
    // The list now says what is selected: the marks of this finding light up, no single mark is.
    clearSelection();
    const group = button.dataset.g;
    highlight((m) => idsOf(m, "g").includes(group));
  }
}

function jumpToFinding(id) {
  const mark = allMarks().find((m) => idsOf(m, "f").includes(id));
  if (!mark) return;
  if (editor.hidden === false) setMode("review");
  selectMark(mark, true);
}

annotated.addEventListener("keydown", (event) => {
  const marks = allMarks();
  const current = marks.indexOf(document.activeElement);
  if (current === -1) return;
  const go = (i) => {
    const next = marks[(i + marks.length) % marks.length];
    for (const m of marks) m.tabIndex = m === next ? 0 : -1;
    next.focus();
  };
  switch (event.key) {
    case "ArrowRight":
    case "ArrowDown":
      go(current + 1);
      break;
    case "ArrowLeft":
    case "ArrowUp":
      go(current - 1);
      break;
    case "Home":
      go(0);
      break;
    case "End":
      go(marks.length - 1);
      break;
    case "Enter":
    case " ":
      selectMark(marks[current], false);
      break;
    case "Escape":
      clearSelection();
      break;
    default:
      return;
  }
  event.preventDefault();
});

document.addEventListener("click", (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const mark = target?.closest(".pc-mark");
  if (mark) return selectMark(mark, true);
  const toggle = target?.closest(".pc-group-toggle");
  if (toggle) return toggleGroup(toggle);
  const quote = target?.closest("button.pc-quote");
  if (quote) return jumpToFinding(quote.dataset.f);
});

goButton.addEventListener("click", () => coach(true));
draft.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    coach(true);
  }
});
editButton.addEventListener("click", () => {
  setMode("edit");
  draft.focus();
});
newButton.addEventListener("click", () => {
  inFlight?.abort();
  sequence++;
  previous = null;
  coachedText = null;
  resultLang = null;
  draft.value = "";
  coaching.replaceChildren(hint("emptyCoaching"));
  slackCard.hidden = true;
  annotated.replaceChildren();
  status.textContent = "";
  showError("");
  setMode("edit");
  draft.focus();
});
platform.addEventListener("change", () => {
  if (!review.hidden) coach(false);
});
langPicker.addEventListener("change", () => {
  setLanguage(langPicker.value || resultLang || pageLang);
  if (!review.hidden) coach(false);
});
$("pc-copy").addEventListener("click", async () => {
  const copyStatus = $("pc-copy-status");
  try {
    await navigator.clipboard.writeText(JSON.stringify(slackJson, null, 2));
    copyStatus.textContent = t("copied");
  } catch {
    // No clipboard (a plain-http address, or permission refused): show the JSON, selected.
    $("pc-json-details").open = true;
    getSelection().selectAllChildren($("pc-json"));
    copyStatus.textContent = t("copyFailed");
  }
});
