"""The pipeline: claim files → records → table → findings, as one call.

`run(settings, command)` is claimcheck as a library: the command line
resolves its Settings (checker.load.settings) and calls it; tests and
benchmarks call it the same way.
"""
from __future__ import annotations

import difflib
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from checker.incremental import filestatus
from checker.incremental.cache import Cache
from checker.io import reading
from checker.io.gcpause import paused_gc
from checker.io.yamlfile import LoadError
from checker.language.units import UnitError, units_of
from checker.load import reference as reference_sets
from checker.load.claims import load
from checker.load.documents import Documents, TextError, collect_texts
from checker.load.registry import load_registry
from checker.load.rulefiles import RuleFiles, RulesFolderError, lint_language
from checker.load.settings import Settings
from checker.model.findings import Finding, in_order
from checker.rules import all_rules, reads_only_texts, run_by, scope_of
from checker.rules.shared.reference import Reference, comparisons, fingerprint
from checker.run import document_rules, kept, pages, suppressions, unconfirmed
from checker.run.context import Context


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
    context: Context | None = None  # what the rules saw, for reports that show the claims and texts
    baselined: list[Finding] = field(default_factory=list)  # known findings the baseline accepts
    waiting: int = 0  # findings that rest on drafts' guesses (checker.run.unconfirmed)
    verified: list = field(default_factory=list)  # claims that agree with a reference figure (see verified_claims)


def run(settings: Settings, command: str = "check", documents: list[str] | None = None, progress=None,
        cache: Cache | None = None) -> Result:
    """Run a command's rules (check, validate or lint; see checker.rules.RUN_BY) as the settings say.

    documents: the texts to lint (default: the documents folder, when there
    is one). progress(done, total, code) is told as each rule ends. cache
    stands for the one settings.cache_dir names (tests count its hits).
    Files are read within the settings' limits. No cycle collection
    meanwhile: a million records, their readings, table and findings are
    many objects and hold no cycles, and the collector's passes over them
    cost a quarter of a run after one edit.
    """
    chosen, severities = _chosen(settings, command)
    if cache is None and settings.cache_dir and command != "lint":
        cache = Cache(settings.cache_dir)
    claim_paths = list(settings.claims) if command != "lint" else []
    with reading.using(settings.limits), paused_gc():
        return _run(settings, chosen, severities, claim_paths, documents, progress, cache)


def _run(settings: Settings, chosen: list, severities: dict, claim_paths: list, lint, progress, cache) -> Result:
    """Check claims; lint the given documents too (by default, the documents folder when there is one).

    The cache (checker.incremental.cache.Cache) lets unchanged claim files
    skip parsing; settings.jobs > 1 parses claim files in that many
    processes and runs the document rules in a second one (0: each when its
    input is large and there are several cores; see checker.load.claims and
    checker.run.document_rules).
    """
    timings: dict = {}
    start = time.perf_counter()
    docs, jobs = settings.docs, settings.jobs
    try:
        files = RuleFiles.of(settings.rules)
    except RulesFolderError as exc:
        raise InputError(f"{exc} (give --rules, or leave it out to use the built-in data alone)") from None
    noted = filestatus.memo(cache, claim_paths) if cache is not None and claim_paths else None
    try:
        ctx = _documents(files, docs, lint, severities, noted)
        ctx.baseline_path = settings.baseline
        ctx.references = load_references(settings)
        ctx.sidecar = suppressions.load_sidecar(Path(settings.suppressions) if settings.suppressions else None)
        known = suppressions.load_baseline(Path(settings.baseline)) if settings.baseline else None
    except (LoadError, UnitError, TextError) as exc:
        raise InputError(str(exc)) from None
    by_text = [m for m in chosen if reads_only_texts(m)]
    if settings.engine == "spark":
        return _finish(settings, chosen, ctx, known, *_on_spark(settings, chosen, ctx, claim_paths, by_text, progress),
                       timings, start)
    store = _store(cache, claim_paths, settings, files, severities, ctx.references)
    try:
        texts = store.texts_to_check(ctx.texts) if store else dict(ctx.texts)
    except TextError as exc:
        raise InputError(str(exc)) from None
    beside = (jobs or document_rules.auto_jobs(texts)) if claim_paths else 1  # lint has no claims to check meanwhile
    with document_rules.DocumentRules(by_text, replace(ctx, texts=texts), beside) as text_rules:
        timings["load"] = _claims(ctx, claim_paths, cache, jobs, settings.tolerances, noted) - start
        first = [m for m in chosen if not getattr(m, "AFTER", False)]
        if store:
            store.measure(ctx, ctx.records.files, {scope_of(m) for m in first} - {None})
        timings["table"] = time.perf_counter() - start - timings["load"]
        findings: list[Finding] = []
        for done, module in enumerate(first, start=1):
            if module in by_text:
                found = text_rules.findings(module)
                findings.extend(store.document_findings(module.CODE, found) if store else found)
            elif store and scope_of(module):
                findings.extend(store.check(module, ctx))
            else:
                findings.extend(module.check(ctx))
            if progress:
                progress(done, len(first), module.CODE)
    if store:
        store.save()
    if noted is not None:
        noted.save()
    findings, waiting = unconfirmed.demote(findings, ctx.arrow)
    return _finish(settings, chosen, ctx, known, findings, waiting, timings, start)


def _on_spark(settings: Settings, chosen: list, ctx: Context, claim_paths: list, by_text: list, progress) -> tuple:
    """The check on Spark (checker.run.distributed): claim files and documents read and checked on the executors,
    the rules across records run on the claim table Spark holds; (findings, how many rest on drafts' guesses)."""
    from concurrent.futures import ThreadPoolExecutor

    from checker.run import distributed
    from checker.table import engines

    if claim_paths or (by_text and ctx.texts):
        engines.spark_session(settings.spark)  # here, not in both threads at once
    try:
        # The documents are checked while the claims load: the executors' cores fill the load's gaps (its steps
        # on the driver), as the second process does on DuckDB. An unreadable document is reported first.
        with ThreadPoolExecutor(1, thread_name_prefix="claimcheck-lint") as pool:
            linting = pool.submit(distributed.lint, settings, ctx, by_text, ctx.texts)
            try:
                loaded = distributed.load(ctx, settings, claim_paths, chosen) if claim_paths else {}
            finally:
                found = linting.result()
        found.update(loaded)
        if not claim_paths:
            _claims(ctx, [], None, 1, settings.tolerances)  # no claims: empty tables, as lint has them
    except distributed.SparkInputError as exc:
        raise InputError(str(exc)) from None
    first = [m for m in chosen if not getattr(m, "AFTER", False)]
    found.update(distributed.across_records([m for m in first if m not in by_text and not (
        claim_paths and distributed.on_executors(m))], ctx))
    findings: list[Finding] = []
    for done, module in enumerate(first, start=1):
        findings.extend(found.get(module.CODE, []))
        if progress:
            progress(done, len(first), module.CODE)
    if not claim_paths:
        return findings, 0
    return unconfirmed.demote(findings, ctx.remote.unsure_of(findings) if findings else None)


def _finish(settings: Settings, chosen: list, ctx: Context, known, findings: list, waiting: int, timings: dict,
            start: float) -> Result:
    """Suppressions, the baseline and the rules about them, pages, verified claims: the run's result."""
    ctx.outcome = suppressions.apply(findings, ctx.records, ctx.sidecar, known)
    ctx.outcome.suppressed, ctx.outcome.baselined = in_order(ctx.outcome.suppressed), in_order(ctx.outcome.baselined)
    remaining = list(ctx.outcome.kept)
    for module in (m for m in chosen if getattr(m, "AFTER", False)):
        remaining.extend(module.check(ctx))  # about suppressions and the baseline themselves
    remaining = pages.with_pages(remaining, ctx.docs.pages_at)
    verified = verified_claims(ctx)
    timings["rules"] = time.perf_counter() - start - timings.get("load", 0) - timings.get("table", 0)
    return Result(in_order(remaining), len(ctx.records), len(ctx.records.paths()),
                  ctx.outcome.suppressed, timings, len(ctx.texts), ctx, ctx.outcome.baselined, waiting, verified)


# What a reference set must pass to be used: the schema, its values read, its units known, its quotes found.
CHECKED = ("CC100", "CC110", "CC111", "CC113", "CC120", "CC121")


def load_references(settings: Settings) -> list:
    """The reference sets the settings name, each read and checked as a claim corpus of its own."""
    out = []
    for given in settings.reference:
        try:
            found = reference_sets.find(given)
        except reference_sets.ReferenceError as exc:
            raise InputError(str(exc)) from None
        own = Settings(claims=(str(found.claims),), docs=str(found.docs), rules=settings.rules, select=CHECKED,
                       cache_dir=None, jobs=1, max_file_size=settings.max_file_size)
        result = run(own, "check")
        if result.findings:
            raise InputError(f"reference set {found.name} ({found.folder}) does not pass its own check: "
                             f"{result.findings[0].message} at {result.findings[0].locations[0]}")
        out.append(Reference(found, result.context))
    return out


def verified_claims(ctx) -> list[dict]:
    """The claims that agree with a reference figure, each with the figure it matches."""
    out = []
    for c in comparisons(ctx):
        if not c.agrees:
            continue
        ref = c.reference
        out.append({"claim": ctx.records[c.row].values.get("id"), "reference": ref.set_name, "value": ref.surface,
                    "unit": ref.unit, "document": ref.doc, "published": ref.published, "quote": ref.quote,
                    "line": ref.line, "editions": 1 + len(c.others)})
    return out


def _store(cache, claim_paths, settings: Settings, files: RuleFiles, severities: dict, references=()):
    """The last run's findings to keep (checker.run.kept): with a cache, on the embedded engine."""
    if cache is None or settings.engine != "duckdb" or not claim_paths:
        return None
    return kept.Store(cache, claim_paths, kept.setting(files, settings.docs, settings.tolerances, severities,
                                                      fingerprint(references)))


def _chosen(settings: Settings, command: str) -> tuple[list, dict]:
    """The rule modules to run, and every rule's severity; a code that names no rule is an input error."""
    available = all_rules()
    _known_codes(settings, "severity", list(settings.severity), available)
    _known_codes(settings, "select", settings.select or (), available)
    _known_codes(settings, "ignore", settings.ignore, available)
    runs = run_by(command)
    for code in settings.select or ():
        if code not in runs:
            raise InputError(f"{code} in {settings.origin('select')} is not a rule `claimcheck {command}` runs")
    wanted = set(settings.select) if settings.select else set(runs)
    chosen = [m for code, m in runs.items() if code in wanted and code not in settings.ignore]
    return chosen, {code: settings.severity.get(code, m.SEVERITY) for code, m in available.items()}


def _known_codes(settings: Settings, name: str, codes, available: dict) -> None:
    for code in codes:
        if code not in available:
            near = difflib.get_close_matches(code, list(available), n=1)
            hint = f" (did you mean {near[0]}?)" if near else ""
            raise InputError(f"unknown rule code {code!r} in {settings.origin(name)}{hint}; "
                             "`claimcheck rules` lists them")


def _documents(files: RuleFiles, docs: str | None, lint, severities: dict, known=None) -> Context:
    """What the rules see before any claim is read: registries, units, the texts to lint and their word lists.
    known (checker.incremental.filestatus) gives the digests of unchanged documents without reading them."""
    units = units_of(files.units)
    registry = load_registry(files, units)
    documents = Documents(docs, known)
    texts = collect_texts(lint if lint is not None else ([docs] if docs else []), documents)
    return Context(None, None, [], registry, documents, None, severities, units=units, texts=texts,
                   lint=lint_language(files.lint))


def _claims(ctx: Context, claim_paths, cache, jobs: int, tolerances, known=None) -> float:
    """Load the claims and give the context their records, readings and tables; return when they were loaded."""
    from checker.table import arrow, derived, edges, engines
    from checker.table import readings as reading

    try:
        meaning = reading.ReadingColumns(ctx.units, ctx.docs, tolerances)
        records, problems = load(claim_paths, cache, jobs, meaning, known)
        loaded = time.perf_counter()
        readings = reading.Readings(records, ctx.units, ctx.docs, tolerances)
        derived.resolve_derived(records, readings, ctx.units)
        claim_table = arrow.arrow_table(records, readings, ctx.registry)
        metrics = arrow.metric_table(ctx.registry, ctx.units)
        edge_rows = edges.edges(records, problems)
    except (LoadError, UnitError, TextError) as exc:
        raise InputError(str(exc)) from None
    ctx.edges = edges.arrow(edge_rows)
    ctx.engine, ctx.table, ctx.relations, ctx.metrics = engines.tables(claim_table, ctx.edges, metrics)
    ctx.records, ctx.readings, ctx.problems, ctx.arrow = records, readings, problems, claim_table
    return loaded
