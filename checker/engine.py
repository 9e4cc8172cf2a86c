"""The pipeline: claim files → records → table → findings.

The CLI only wires options to this; tests and benchmarks call it directly.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from checker import aside, reuse
from checker.context import Context
from checker.documents import Documents, TextError, collect_texts
from checker.findings import Finding, in_order
from checker.loader import LoadError, load
from checker.pauses import paused_gc
from checker.registry import load_registry
from checker.units import UnitError, Units


class InputError(Exception):
    """Input that stops the run (exit code 2): unreadable files, bad rules."""


@dataclass
class Result:
    findings: list[Finding]
    claims: int
    files: int
    suppressed: list[Finding] = field(default_factory=list)
    timings: dict = field(default_factory=dict)
    documents: int = 0  # source documents linted
    context: object = None  # what the rules saw, for reports that show the claims and texts
    baselined: list[Finding] = field(default_factory=list)  # known findings the baseline accepts


def run(claim_paths: list[str], docs: str | None, rules: str, select=None, skip=(), lint=None,
        severity: dict | None = None, tolerances: dict | None = None, baseline: str | None = None,
        suppressions: str | None = None, progress=None, engine: str = "duckdb", cache=None, jobs: int = 0) -> Result:
    """Check claims (see _run); no cycle collection meanwhile: a million records, their readings, table
    and findings are many objects and hold no cycles, and the collector's passes over them cost a
    quarter of a run after one edit."""
    with paused_gc():
        return _run(claim_paths, docs, rules, select, skip, lint, severity, tolerances, baseline,
                    suppressions, progress, engine, cache, jobs)


def _run(claim_paths, docs, rules, select, skip, lint, severity, tolerances, baseline, suppressions,
         progress, engine, cache, jobs) -> Result:
    """Check claims; lint the given documents too (by default, the --docs folder when there is one).

    severity overrides rule severities; tolerances sets the width of 约 and 近;
    baseline and suppressions are files (see checker.suppressions); engine
    names where the relational rules run (see checker.engines); cache
    (checker.cache.Cache) lets unchanged claim files skip parsing; jobs > 1
    parses claim files in that many processes and runs the document rules in
    a second one (0: each when its input is large and there are several
    cores; see checker.loader.load and checker.aside).
    """
    from checker import suppressions as supp

    timings: dict = {}
    start = time.perf_counter()
    folder = Path(rules)
    if not folder.is_dir():
        raise InputError(f"{rules}: rules folder not found (give --rules)")
    chosen, severities = _chosen(select, skip, severity)
    noted = cache.known(claim_paths) if cache is not None and claim_paths else None
    try:
        ctx = _documents(folder, docs, lint, severities, noted)
        ctx.baseline_path = baseline
        ctx.sidecar = supp.load_sidecar(Path(suppressions) if suppressions else None)
        known = supp.load_baseline(Path(baseline)) if baseline else None
    except (LoadError, UnitError, TextError) as exc:
        raise InputError(str(exc)) from None
    by_text = [m for m in chosen if aside.reads_only_texts(m.CODE)]
    store = _store(cache, claim_paths, engine, folder, docs, tolerances, severities)
    try:
        texts = store.texts_to_check(ctx.texts) if store else dict(ctx.texts)
    except TextError as exc:
        raise InputError(str(exc)) from None
    beside = (jobs or aside.auto_jobs(texts)) if claim_paths else 1  # lint has no claims to check meanwhile
    with aside.DocumentRules(by_text, replace(ctx, texts=texts), beside) as document_rules:
        timings["load"] = _claims(ctx, claim_paths, cache, jobs, tolerances, engine, noted) - start
        first = [m for m in chosen if not getattr(m, "AFTER", False)]
        if store:
            store.measure(ctx, ctx.records.files, {reuse.scope_of(m) for m in first} - {None})
        timings["table"] = time.perf_counter() - start - timings["load"]
        findings: list[Finding] = []
        for done, module in enumerate(first, start=1):
            if module in by_text:
                found = document_rules.findings(module)
                findings.extend(store.document_findings(module.CODE, found) if store else found)
            elif store and reuse.scope_of(module):
                findings.extend(store.check(module, ctx))
            else:
                findings.extend(module.check(ctx))
            if progress:
                progress(done, len(first), module.CODE)
    if store:
        store.save()
    if noted is not None:
        noted.save()
    ctx.outcome = supp.apply(findings, ctx.records, ctx.sidecar, known)
    ctx.outcome.suppressed, ctx.outcome.baselined = in_order(ctx.outcome.suppressed), in_order(ctx.outcome.baselined)
    kept = list(ctx.outcome.kept)
    for module in (m for m in chosen if getattr(m, "AFTER", False)):
        kept.extend(module.check(ctx))  # about suppressions and the baseline themselves
    timings["rules"] = time.perf_counter() - start - timings["load"] - timings["table"]
    return Result(in_order(kept), len(ctx.records), len(ctx.records.paths()),
                  ctx.outcome.suppressed, timings, len(ctx.texts), ctx, ctx.outcome.baselined)


def _store(cache, claim_paths, engine: str, rules: Path, docs, tolerances, severities):
    """The last run's findings to keep (checker.reuse): with a cache, on the embedded engine."""
    if cache is None or engine != "duckdb" or not claim_paths:
        return None
    return reuse.Store(cache, claim_paths, reuse.setting(rules, docs, tolerances, severities))


def _chosen(select, skip, severity: dict | None) -> tuple[list, dict]:
    """The rule modules to run, and every rule's severity."""
    from checker import rules as rule_modules

    available = rule_modules.all_rules()
    unknown = sorted(set(severity or {}) - set(available))
    if unknown:
        raise InputError(f"severity override for unknown rule code {unknown[0]}")
    chosen = [m for code, m in available.items() if (select is None or code in select) and code not in skip]
    return chosen, {code: (severity or {}).get(code, m.SEVERITY) for code, m in available.items()}


def _documents(folder: Path, docs: str | None, lint, severities: dict, known=None) -> Context:
    """What the rules see before any claim is read: registries, units, the texts to lint and their word lists.
    known (checker.known) gives the digests of unchanged documents without reading them."""
    units = Units(folder / "units.txt")
    registry = load_registry(folder)
    documents = Documents(docs, known)
    texts = collect_texts(lint if lint is not None else ([docs] if docs else []), documents)
    return Context(None, None, [], registry, documents, None, severities, units=units, texts=texts,
                   lint=_lint_language(folder / "lint.yaml"))


def _claims(ctx: Context, claim_paths, cache, jobs: int, tolerances, engine: str, known=None) -> float:
    """Load the claims and give the context their records, readings and tables; return when they were loaded."""
    from checker import engines, relations
    from checker import table as tables

    try:
        meaning = tables.ReadingColumns(ctx.units, ctx.docs, tolerances)
        records, problems = load(claim_paths, cache, jobs, meaning, known)
        loaded = time.perf_counter()
        readings = tables.Readings(records, ctx.units, ctx.docs, tolerances)
        tables.resolve_derived(records, readings, ctx.units)
        arrow = tables.arrow_table(records, readings, ctx.registry)
        metrics = tables.metric_table(ctx.registry, ctx.units)
        edge_rows = relations.edges(records, problems)
    except (LoadError, UnitError, TextError) as exc:
        raise InputError(str(exc)) from None
    ctx.edges = relations.arrow(edge_rows)
    ctx.table, ctx.relations, ctx.metrics = engines.tables(engine, arrow, ctx.edges, metrics)
    ctx.records, ctx.readings, ctx.problems, ctx.arrow = records, readings, problems, arrow
    return loaded


def _lint_language(path: Path) -> dict:
    """rules/lint.yaml: the document rules' word lists (empty when absent)."""
    if not path.exists():
        return {}
    from checker.loader import read_text, read_yaml

    text = read_text(path)
    data = read_yaml(text, str(path), [])
    if not isinstance(data, dict):
        raise LoadError(f"{path}:1: expected a mapping of word lists")
    _check_lint_patterns(data, path, text)
    return data


def _check_lint_patterns(data: dict, path: Path, text: str) -> None:
    """Every regular expression in lint.yaml compiles, before any rule uses it."""
    from checker.loader import check_regex

    for pattern in (data.get("reduplications") or {}).values():
        check_regex(pattern or "", path, text, "reduplications")
    for pattern in data.get("compounds") or []:
        check_regex(pattern, path, text, "compounds")
    for slip in data.get("slips") or []:
        if not isinstance(slip, dict) or "pattern" not in slip:
            raise LoadError(f"{path}:{getattr(slip, 'line', 1)}: each of `slips` needs a `pattern`")
        check_regex(slip["pattern"], path, text, "slips")
