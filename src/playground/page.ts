/** The playground's single page: a draft box, and the coach's answer rendered beside it. */
export const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>postcoach playground</title>
<style>
  :root { --ink:#1d1c1d; --muted:#616061; --line:#e0e0e0; --accent:#1264a3; --warn:#e8912d; --info:#2f6fb3; --good:#2bac76; }
  * { box-sizing: border-box; }
  body { margin:0; font:16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color:var(--ink); background:#f8f8f8; }
  header { padding:20px 32px; background:#fff; border-bottom:1px solid var(--line); }
  header h1 { margin:0; font-size:22px; } header p { margin:4px 0 0; color:var(--muted); }
  main { display:grid; grid-template-columns: minmax(0,1fr) minmax(0,1fr); gap:24px; padding:24px 32px; max-width:1200px; margin:auto; }
  @media (max-width: 860px) { main { grid-template-columns: 1fr; } }
  .card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:20px; }
  textarea { width:100%; min-height:260px; font:inherit; padding:12px; border:1px solid var(--line); border-radius:6px; resize:vertical; }
  .row { display:flex; gap:12px; align-items:center; margin-top:12px; flex-wrap:wrap; }
  select, button { font:inherit; padding:8px 12px; border-radius:6px; border:1px solid var(--line); background:#fff; }
  button { background:var(--accent); color:#fff; border-color:var(--accent); cursor:pointer; }
  .score { font-size:40px; font-weight:700; } .summary { color:var(--muted); margin-top:4px; }
  .dims { margin:16px 0; } .dim { display:grid; grid-template-columns: 190px 1fr 36px; gap:8px; align-items:center; font-size:14px; }
  .bar { height:8px; background:#eee; border-radius:4px; overflow:hidden; } .bar span { display:block; height:100%; background:var(--accent); }
  h2 { font-size:15px; margin:20px 0 8px; }
  ul { padding-left:20px; margin:0; } li { margin:6px 0; }
  .warning { color:var(--warn); } .info { color:var(--info); }
  .draft { white-space:pre-wrap; border-left:3px solid var(--line); padding-left:12px; color:var(--muted); }
  mark { background:#fff2cc; color:var(--ink); border-radius:3px; }
  .rule { font-family:ui-monospace, monospace; font-size:12px; color:var(--muted); }
  .error { color:#b3261e; }
</style>
</head>
<body>
<header><h1>postcoach playground</h1><p>Paste a draft. postcoach won't rewrite it: it asks questions so you can read it the way your reader will.</p></header>
<main>
  <section class="card">
    <label for="draft"><strong>Your draft</strong></label>
    <textarea id="draft" placeholder="I'm thrilled to announce…"></textarea>
    <div class="row">
      <label>Platform <select id="platform"><option value="linkedin">LinkedIn</option><option value="x">X</option><option value="slack">Slack</option><option value="blog">Blog</option></select></label>
      <label>Language <select id="lang"><option value="">auto</option><option value="en">English</option><option value="fr">Français</option></select></label>
      <button id="go">Coach me</button>
    </div>
  </section>
  <section class="card" id="out" aria-live="polite"><p class="summary">Your coaching appears here.</p></section>
</main>
<script>
const $ = (id) => document.getElementById(id);
const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
const LABELS = { audience: "Audience", authenticity: "Authenticity", vulnerability: "Vulnerability & balance", platformFit: "Platform fit" };
function highlighted(text, findings) {
  const wrap = el("div", "draft"); let pos = 0;
  const spans = findings.filter(f => f.end > f.start).sort((a, b) => a.start - b.start);
  for (const f of spans) { if (f.start < pos) continue; wrap.append(text.slice(pos, f.start)); const m = el("mark", "", text.slice(f.start, f.end)); m.title = f.message; wrap.append(m); pos = f.end; }
  wrap.append(text.slice(pos)); return wrap;
}
async function coach() {
  const text = $("draft").value; const out = $("out"); out.replaceChildren();
  const res = await fetch("/api/check", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text, platform: $("platform").value, lang: $("lang").value || undefined }) });
  const r = await res.json();
  if (!res.ok) { out.append(el("p", "error", r.error)); return; }
  out.append(el("div", "score", r.score + "/100"), el("div", "summary", r.summary));
  const dims = el("div", "dims");
  for (const [k, v] of Object.entries(r.dimensions)) { const row = el("div", "dim"); const bar = el("div", "bar"); const fill = el("span"); fill.style.width = v + "%"; bar.append(fill); row.append(el("span", "", LABELS[k] || k), bar, el("span", "", String(v))); dims.append(row); }
  out.append(dims);
  if (r.findings.length) { out.append(el("h2", "", "What a reader may notice")); const ul = el("ul"); for (const f of r.findings) { const li = el("li"); li.append(el("span", f.severity, f.severity === "warning" ? "▲ " : "● "), f.message + " ", el("span", "rule", f.rule)); ul.append(li); } out.append(ul); }
  if (r.strengths.length) { out.append(el("h2", "", "What already works")); const ul = el("ul"); for (const m of [...new Set(r.strengths.map(s => s.message))]) ul.append(el("li", "", m)); out.append(ul); }
  out.append(el("h2", "", "Questions to ask yourself")); const ol = el("ol"); for (const q of r.questions) ol.append(el("li", "", q)); out.append(ol);
  out.append(el("h2", "", "Where"), highlighted(text.slice(0, r.analyzedLength), r.findings));
}
$("go").addEventListener("click", () => coach().catch(e => { $("out").replaceChildren(el("p", "error", "Something went wrong: " + e.message)); }));
</script>
</body>
</html>`;
