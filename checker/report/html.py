"""One self-contained HTML page for a fact-checker: the documents with their
figures marked and every finding beside the text it concerns.

No external assets and no network: styles and the filter script are inline.
Every string that comes from a document or a claim file is escaped.
"""
from __future__ import annotations

from html import escape

from checker import __version__
from checker.report.marks import claim_columns, claim_marks
from checker.report.summary import fix_shown, summary, summary_line

CONSISTENT = ("id", "metric", "entity", "period", "kind", "surface", "derived", "doc", "line", "quote_line")

STYLE = """
body{font:15px/1.6 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{background:#1f2937;color:#fff;padding:1rem 2rem}header h1{margin:0;font-size:1.4rem}
main{padding:1rem 2rem;max-width:72rem}section{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:1rem 1.5rem;margin:1rem 0}
.chips span{display:inline-block;margin:.15rem .3rem .15rem 0;padding:.05rem .6rem;border-radius:1rem;background:#eef2ff;font-size:.85rem}
.filters label{margin-right:1rem}.filters select{margin-right:1rem}
p.line{margin:.2rem 0;padding:.1rem .4rem;border-left:3px solid transparent}p.line:target{background:#fff7d6;border-left-color:#f59e0b}
.ln{color:#9ca3af;font-size:.75rem;margin-right:.5rem;user-select:none}
p.page{color:#6b7280;font-size:.75rem;border-top:1px dashed #d1d5db;margin:.6rem 0 .2rem;padding-top:.2rem}
mark.claim{background:#dbeafe;border-radius:3px;padding:0 .1rem}mark.claim.bad{background:#fecaca}
mark.claim.verified{background:#bbf7d0;border-bottom:2px solid #16a34a}
.finding{margin:.2rem 0 .6rem 2.5rem;padding:.4rem .7rem;border-radius:6px;font-size:.9rem}
.finding.error{background:#fef2f2;border-left:4px solid #dc2626}.finding.warning{background:#fffbeb;border-left:4px solid #d97706}
.finding.info{background:#eff6ff;border-left:4px solid #2563eb}.finding .code{font-weight:600;margin-right:.4rem}
.finding .where{color:#6b7280;font-size:.8rem}.finding .fix{color:#047857}
.hidden{display:none}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e5e7eb;padding:.25rem .5rem;text-align:left;font-size:.9rem}
"""

SCRIPT = """
(function(){
  function apply(){
    var sev = Array.prototype.filter.call(document.querySelectorAll('input[name=severity]'), function(b){return b.checked}).map(function(b){return b.value});
    var rule = document.getElementById('rule').value, doc = document.getElementById('doc').value;
    var guesses = document.getElementById('guesses'), withGuesses = !guesses || guesses.checked;
    var shown = 0;
    document.querySelectorAll('.finding').forEach(function(f){
      var ok = sev.indexOf(f.dataset.severity) >= 0 && (!rule || f.dataset.code === rule) && (!doc || f.dataset.doc === doc)
        && (withGuesses || !f.dataset.guess);
      f.classList.toggle('hidden', !ok); if (ok) shown++;
    });
    document.querySelectorAll('section.document').forEach(function(s){ s.classList.toggle('hidden', !!doc && s.dataset.doc !== doc); });
    document.getElementById('shown').textContent = shown;
  }
  document.querySelectorAll('.filters input, .filters select').forEach(function(el){ el.addEventListener('change', apply); });
  apply();
})();
"""


def render(result) -> str:
    ctx = result.context
    docs = _documents(result, ctx)
    doc_ids = {path: f"d{i}" for i, path in enumerate(docs)}
    placed, elsewhere = _place(result.findings, docs)
    bad_claims = {c for f in result.findings if f.severity != "info" for c in f.claims}
    verified = {v["claim"]: v for v in getattr(result, "verified", None) or []}
    parts = [_head(result), _filters(result, docs)]
    marks = claim_marks(ctx)
    for path, lines in docs.items():
        starts = ctx.docs.pages_at(path) if ctx else None
        parts.append(_document(path, lines, doc_ids, placed.get(path, {}), marks.get(path, {}), bad_claims, verified,
                               starts or ()))
    if elsewhere:
        parts.append('<section><h2>Findings about claim files</h2>' +
                     "".join(_finding(f, doc_ids, "") for f in elsewhere) + "</section>")
    if verified:
        parts.append(_verified(verified))
    parts.append(_consistent(ctx, result, doc_ids))
    body = "\n".join(parts)
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="generator" content="claimcheck {escape(__version__)}">'
            f'<title>claimcheck report</title><style>{STYLE}</style></head><body>'
            f'<header><h1>claimcheck report</h1><div>{escape(summary_line(result))}</div></header>'
            f'<main>{body}</main><script>{SCRIPT}</script></body></html>\n')


def _documents(result, ctx) -> dict:
    """Every document with findings or claims, as lines, in path order."""
    docs = dict(ctx.texts) if ctx else {}
    for name in set(claim_columns(ctx, ("doc",))["doc"]) - {None, ""}:
        lines = ctx.docs.lines(name)
        if not isinstance(lines, str):
            docs.setdefault(ctx.docs.path_for(name), lines)
    return dict(sorted(docs.items()))


def _place(findings, docs):
    """Each finding under the first line of a document it names; the rest apart."""
    placed: dict = {}
    elsewhere = []
    for f in findings:
        loc = next((loc for loc in f.locations if loc.role == "source" and loc.path in docs and loc.line), None)
        if loc is None:
            elsewhere.append(f)
        else:
            placed.setdefault(loc.path, {}).setdefault(loc.line, []).append(f)
    return placed, elsewhere


def _head(result) -> str:
    s = summary(result)
    sev = "".join(f"<span>{escape(k)}: {n}</span>" for k, n in s["by_severity"].items())
    rules = "".join(f"<span>{escape(k)}: {n}</span>" for k, n in s["by_code"].items())
    return (f'<section id="summary"><h2>Summary</h2><p>{s["claims"]} claims in {s["files"]} claim files; '
            f'{s["documents"]} documents linted; {s["findings"]} findings ({s["suppressed"]} suppressed).</p>'
            f'<div class="chips">{sev}</div><div class="chips">{rules}</div></section>')


def _filters(result, docs) -> str:
    codes = sorted({f.code for f in result.findings})
    boxes = "".join(f'<label><input type="checkbox" name="severity" value="{s}" checked> {s}</label>'
                    for s in ("error", "warning", "info"))
    held = sum(1 for f in result.findings if f.guess)
    if held:  # shown when asked, as in the terminal: a first check of drafts makes hundreds
        boxes += (f'<label title="info findings that rest on a draft\'s guessed metric, entity or period">'
                  f'<input type="checkbox" id="guesses"> drafts\' guesses ({held})</label>')
    rule = "".join(f'<option value="{escape(c)}">{escape(c)}</option>' for c in codes)
    doc = "".join(f'<option value="{escape(p)}">{escape(p)}</option>' for p in docs)
    return (f'<section class="filters"><h2>Filters</h2>{boxes}'
            f'<label>rule <select id="rule"><option value="">all</option>{rule}</select></label>'
            f'<label>document <select id="doc"><option value="">all</option>{doc}</select></label>'
            f'<span><span id="shown">{len(result.findings)}</span> findings shown</span></section>')


def _document(path, lines, doc_ids, placed, marks, bad, verified, pages=()) -> str:
    did = doc_ids[path]
    out = [f'<section class="document" data-doc="{escape(path)}" id="{did}"><h2>{escape(path)}</h2>']
    page_at = {line: page for page, line in enumerate(pages, start=1)}  # a PDF: where each page begins
    for n, text in enumerate(lines, start=1):
        if n in page_at:
            out.append(f'<p class="page">page {page_at[n]}</p>')
        if not text.strip() and n not in placed:
            continue
        out.append(f'<p class="line" id="{did}-L{n}"><span class="ln">{n}</span>{_marked(text, marks.get(n, []), bad, verified)}</p>')
        out.extend(_finding(f, doc_ids, path) for f in placed.get(n, []))
    out.append("</section>")
    return "".join(out)


def _marked(text: str, spans, bad, verified) -> str:
    out, pos = [], 0
    for start, end, cid in sorted(spans):
        if start < pos:
            continue  # overlapping figures: mark the first
        cls = "claim bad" if cid in bad else ("claim verified" if cid in verified else "claim")
        title = cid if cid not in verified else (f"{cid}: verified, {verified[cid]['reference']} "
                                                 f"{verified[cid]['value']} ({verified[cid]['document']})")
        out.append(escape(text[pos:start]))
        out.append(f'<mark class="{cls}" id="claim-{escape(cid)}" title="{escape(title)}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def _finding(f, doc_ids, doc: str) -> str:
    links = []
    for loc in f.locations:
        label = escape(str(loc))
        if loc.role == "source" and loc.path in doc_ids and loc.line:
            links.append(f'<a href="#{doc_ids[loc.path]}-L{loc.line}">{label}</a>')
        else:
            links.append(label)
    fix = f'<div class="fix">fix: {escape(fix_shown(f))}</div>' if f.fix else ""
    guess = f' data-guess="{escape(f.guess)}"' if f.guess else ""
    return (f'<div class="finding {escape(f.severity)}" data-severity="{escape(f.severity)}" data-code="{escape(f.code)}" '
            f'data-doc="{escape(doc)}"{guess}><span class="code">{escape(f.code)}</span>{escape(f.severity)} · '
            f'{escape(f.message)}{fix}<div class="where">{" · ".join(links)}</div></div>')


def _verified(verified: dict) -> str:
    """The claims the reference figures confirm, each beside the official figure and its quote."""
    head = "".join(f"<th>{h}</th>" for h in ("claim", "official figure", "document", "published", "quote"))
    rows = "".join("<tr>" + "".join(f"<td>{escape(str(x or ''))}</td>" for x in (
        cid, v["value"], f"{v['reference']}: {v['document']}", v["published"], v["quote"])) + "</tr>"
        for cid, v in verified.items())
    return (f'<section id="verified"><h2>Verified against the reference figures ({len(verified)} claims)</h2>'
            f'<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></section>')


def _consistent(ctx, result, doc_ids) -> str:
    """Claims checked and found consistent: people want to see what passed, too."""
    flagged = {c for f in result.findings if f.severity != "info" for c in f.claims}
    rows = []
    c = claim_columns(ctx, CONSISTENT)
    paths: dict = {}
    for cid, metric, entity, period, kind, surface, derived, doc, line, quote_line in zip(*(c[n] for n in CONSISTENT)):
        if not cid or cid in flagged:
            continue
        where = escape(f"{doc}:{quote_line or line or ''}")
        if doc not in paths:
            paths[doc] = ctx.docs.path_for(doc or "")
        if paths[doc] in doc_ids and quote_line:
            where = f'<a href="#{doc_ids[paths[doc]]}-L{quote_line}">{where}</a>'
        cells = [escape(str(x or "")) for x in (cid, metric, entity, period, kind)]
        cells.append(escape(surface or f"= {derived or ''}"))
        rows.append("<tr>" + "".join(f"<td>{x}</td>" for x in cells) + f"<td>{where}</td></tr>")
    head = "".join(f"<th>{h}</th>" for h in ("id", "metric", "entity", "period", "kind", "figure", "source"))
    return (f'<section id="consistent"><h2>Checked and consistent ({len(rows)} claims)</h2>'
            f'<table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
            f'<p class="where">claimcheck {escape(__version__)}</p></section>')
