"""The command line: options in, pipeline run, report out. Nothing else.

Heavy libraries (pandera, ibis, pint) are imported inside the commands that
need them, so `claimcheck --help` and `--version` start fast.
"""
from __future__ import annotations

import sys
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from checker import __version__, report
from checker.load.settings import ENGINES
from checker.model.findings import SEVERITIES

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Fact-check the numbers in published reports: validate claim files and cross-check the claims.",
)


Format = Enum("Format", {name: name for name in report.FORMATS}, type=str)
Engine = Enum("Engine", {name: name for name in ENGINES}, type=str)
Level = Enum("Level", {name: name for name in SEVERITIES}, type=str)
EXTRACT_WORTH = 1 << 20  # characters of text before extract shares it out to processes (checker.io.processes)

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def _version(value: bool):
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")):
    """claimcheck: capture, validate and cross-check numeric claims."""


ClaimPaths = typer.Argument(None, help="Claim files or folders (default: claims).")
DocsOpt = typer.Option(None, "--docs", "-d", help="Folder of source documents that source.doc is relative to.")
RulesOpt = typer.Option(None, "--rules", "-r", help="The project's rules folder, adding to the built-in units and "
                        "vocabulary: units.txt, metrics.yaml, entities.yaml, lint.yaml, extract.yaml (default: rules, "
                        "when there is one).")
FormatOpt = typer.Option(None, "--format", "-f", help="Report format (repeatable, paired in order with --output).")
OutputOpt = typer.Option(None, "--output", "-o", help="Write the report to this file (repeatable).")
FailOnOpt = typer.Option(None, "--fail-on", help="Exit 1 when a finding at or above this severity remains (default: error).")
BaselineOpt = typer.Option(None, "--baseline", help="Fail only on findings not in this baseline file.")
SuppressOpt = typer.Option(None, "--suppressions", help="Document suppressions file (default: .claimcheck-ignore.yaml).")
SelectOpt = typer.Option(None, "--select", help="Run only these rule codes (repeatable).")
IgnoreOpt = typer.Option(None, "--ignore", help="Skip these rule codes (repeatable).")
ForceOpt = typer.Option(False, "--force", help="Replace an existing --output file that claimcheck did not write.")
EncodingOpt = typer.Option(None, "--encoding", help="Encoding of documents that are not UTF-8 and have no byte order "
                           "mark, e.g. gb18030 (default: refuse them).")
MaxSizeOpt = typer.Option(None, "--max-file-size", help="Refuse input files larger than this, e.g. 200MB (default: 100MB).")


def _reads_files(command):
    """Ctrl-C ends the command quietly, with the shell's code for it (click would print "Aborted!")."""
    import functools

    @functools.wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except KeyboardInterrupt:
            typer.echo("claimcheck: interrupted", err=True)
            raise typer.Exit(130) from None
    return run


def _settings(command: str, **given):
    """The run's settings: these options over the project's configuration over the defaults."""
    from checker.load import settings

    for name in ("fail_on", "engine"):
        if isinstance(given.get(name), Enum):
            given[name] = given[name].value
    try:
        resolved = settings.resolve(given, command=command)
    except settings.SettingsError as exc:
        _fail(str(exc))
    if resolved.origins.get("docs") == settings.DOCS_BESIDE:
        typer.echo(f"claimcheck: documents read from {resolved.docs}, {settings.DOCS_BESIDE} "
                   "(--docs chooses another)", err=True)
    elif command == "check" and resolved.claims and not resolved.docs:
        # said once, before a CC120 for every claim: the usual cause is a forgotten --docs
        typer.echo("claimcheck: no documents folder (--docs DIR, or `docs` in the project's configuration): "
                   "no claim's source can be read", err=True)
    return resolved


EngineOpt = typer.Option(None, "--engine", help="Where the cross-record rules run: duckdb (embedded, default) or "
                         "spark (pyspark; see docs/scale.md).")
CacheOpt = typer.Option(None, "--cache-dir", help="Cache of parsed claim files (default: .claimcheck-cache; "
                        "safe to delete).")
NoCacheOpt = typer.Option(False, "--no-cache", help="Parse every claim file; read and write no cache.")
VerboseOpt = typer.Option(False, "--verbose", "-v", help="List every finding in the text and Markdown reports, also "
                          "the info resting on drafts' guesses (by default one line per document counts them).")
JobsOpt = typer.Option(0, "--jobs", "-j", min=0, help="Processes: 1 does everything in one; N parses claim files "
                       "in N and runs the document rules in a second one beside the claims (default 0: each when "
                       "its input is large, over 8 MB of YAML or 1 MB of text, and there are several cores).")


@app.command()
@_reads_files
def check(
    claims: Optional[List[str]] = ClaimPaths,
    docs: Optional[str] = DocsOpt,
    rules: Optional[str] = RulesOpt,
    format: Optional[List[Format]] = FormatOpt,
    output: Optional[List[Path]] = OutputOpt,
    fail_on: Optional[Level] = FailOnOpt,
    select: Optional[List[str]] = SelectOpt,
    ignore: Optional[List[str]] = IgnoreOpt,
    encoding: Optional[str] = EncodingOpt,
    max_file_size: Optional[str] = MaxSizeOpt,
    baseline: Optional[str] = BaselineOpt,
    suppressions: Optional[str] = SuppressOpt,
    force: bool = ForceOpt,
    engine: Optional[Engine] = EngineOpt,
    cache_dir: Optional[str] = CacheOpt,
    no_cache: bool = NoCacheOpt,
    jobs: int = JobsOpt,
    verbose: bool = VerboseOpt,
    reference: Optional[List[str]] = typer.Option(None, "--reference", help="Compare claims with official figures: "
                                                  "a built-in set (national) or a folder (see docs/reference.md). "
                                                  "Repeatable."),
):
    """Validate the claims and cross-check them; exit 1 on findings at or above --fail-on."""
    settings = _settings("check", claims=claims, docs=docs, rules=rules, fail_on=fail_on, select=select,
                         ignore=ignore, encoding=encoding, max_file_size=max_file_size, baseline=baseline,
                         suppressions=suppressions, engine=engine, cache_dir=cache_dir, jobs=jobs,
                         reference=reference)
    _run(settings, "check", format, output, force, no_cache=no_cache, verbose=verbose)


@app.command()
@_reads_files
def validate(
    claims: Optional[List[str]] = ClaimPaths,
    docs: Optional[str] = DocsOpt,
    rules: Optional[str] = RulesOpt,
    format: Optional[List[Format]] = FormatOpt,
    output: Optional[List[Path]] = OutputOpt,
    fail_on: Optional[Level] = FailOnOpt,
    encoding: Optional[str] = EncodingOpt,
    max_file_size: Optional[str] = MaxSizeOpt,
    force: bool = ForceOpt,
    cache_dir: Optional[str] = CacheOpt,
    no_cache: bool = NoCacheOpt,
    verbose: bool = VerboseOpt,
):
    """Check each record on its own: schema, numbers, units, quotes. No cross-checks."""
    settings = _settings("validate", claims=claims, docs=docs, rules=rules, fail_on=fail_on, encoding=encoding,
                         max_file_size=max_file_size, cache_dir=cache_dir)
    _run(settings, "validate", format, output, force, no_cache=no_cache, verbose=verbose)


class DraftFormat(str, Enum):
    yaml = "yaml"
    json = "json"


@app.command()
@_reads_files
def extract(
    documents: List[Path] = typer.Argument(..., help="Documents (.txt, .md, .docx, .pdf, .html, .xlsx, .csv) or "
                                           "folders of them to draft claims from."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the drafts here (default: standard output)."),
    merge: bool = typer.Option(False, "--merge", help="Add only new drafts to the existing claim file --output."),
    format: DraftFormat = typer.Option(DraftFormat.yaml, "--format", "-f", help="yaml (claim file) or json."),
    docs: Optional[Path] = typer.Option(None, "--docs", "-d", help="Documents folder: source.doc is relative to it."),
    rules: str = RulesOpt,
    force: bool = typer.Option(False, "--force", help="Overwrite --output if it exists."),
    encoding: Optional[str] = EncodingOpt,
    max_file_size: Optional[str] = MaxSizeOpt,
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Processes to share the text out to "
                             "(default 0: one per core when there is over a megabyte of text)."),
):
    """Draft claim records for every number in the documents, for people to confirm and correct."""
    from checker.io import reading

    settings = _settings("extract", rules=rules, encoding=encoding, max_file_size=max_file_size)
    with reading.using(settings.limits):
        _extract(settings, documents, output, merge, format, docs, force, jobs)


def _extract(settings, documents: list[Path], output, merge: bool, format, docs, force: bool, jobs: int) -> None:
    from checker.extract import drafts as out
    from checker.extract.extractor import ExtractError, make_extractor
    from checker.io import processes
    from checker.io.writing import WriteError, atomic_write
    from checker.io.yamlfile import LoadError
    from checker.load.rulefiles import RuleFiles, RulesFolderError

    if merge and (output is None or format is not DraftFormat.yaml):
        _fail("--merge needs --output FILE and the yaml format")
    try:
        extractor = make_extractor(RuleFiles.of(settings.rules))
    except (ExtractError, RulesFolderError) as exc:
        _fail(str(exc))
    documents = _documents_to_draft(documents, output)
    texts = [(_doc_name(path, docs), _read_text(path)) for path in documents]
    found = extractor.documents(texts, jobs or processes.auto_jobs(sum(len(t) for _, t in texts), EXTRACT_WORTH))
    if merge:
        existing = _read_merge_target(output) if output.exists() else out.HEADER
        try:
            text, added, kept = out.merge(existing, str(output), found)
        except LoadError as exc:
            _fail(f"{output}: {exc}")
        typer.echo(f"claimcheck: {added} new drafts added to {output}, {kept} already there", err=True)
    else:
        recs = out.records(found)
        text = out.render_json(recs) if format is DraftFormat.json else out.HEADER + out.render_yaml(recs)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        atomic_write(output, text, overwrite=merge or force)
    except WriteError as exc:
        _fail(str(exc))
    if not merge:
        typer.echo(_extract_summary(found, len(texts), output, docs or _common_folder(documents)), err=True)


def _documents_to_draft(paths: list[Path], output: Path | None) -> list[Path]:
    """The documents among paths (a folder: the documents in it), without what claimcheck wrote: claim files
    and reports (`claimcheck extract *` again in a folder that holds last time's claims.yaml and report.html),
    each skipped with a note."""
    from checker.io.own_reports import is_report_file
    from checker.load.documents import documents_in

    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(documents_in(path))
            continue
        why = ("the output" if output is not None and path.exists() and output.exists() and path.samefile(output)
               else "a claim file" if path.suffix.lower() in CLAIM_SUFFIXES
               else "a report claimcheck wrote" if path.is_file() and is_report_file(path) else "")
        if why:
            typer.echo(f"claimcheck: {path}: skipped, {why}, not a document", err=True)
        else:
            out.append(path)
    if not out:
        _fail("no documents to draft claims from")
    return out


def _extract_summary(found: list, documents: int, output: Path, docs: Path) -> str:
    """What extract wrote, how much of it is a guess, and the next command."""
    from checker.model.fields import CONFIDENT

    guessed = sum(1 for d in found if any(d.confidence.get(k, 1.0) < CONFIDENT for k in ("metric", "entity", "period")))
    beside = output.resolve().parent == Path(docs).resolve()  # check finds the documents beside the drafts
    return (f"claimcheck: {len(found)} drafts from {documents} document{'s' if documents != 1 else ''} written to "
            f"{output} ({guessed} guess their metric, entity or period); next: claimcheck check {output}"
            + ("" if beside else f" --docs {docs}"))


def _common_folder(paths: list[Path]) -> Path:
    import os

    try:
        folder = os.path.commonpath([str(p.resolve().parent) for p in paths]) if paths else "."
    except ValueError:  # paths on different drives
        return paths[0].parent
    relative = os.path.relpath(folder)
    return Path(folder if relative.startswith("..") else relative)


def _read_merge_target(path: Path) -> str:
    """The claim file to merge into, exactly as stored (byte order mark, line endings): it is kept byte for byte."""
    from checker.io.writing import read_exact

    try:
        return read_exact(path)
    except UnicodeDecodeError as exc:
        _fail(f"{path}: not UTF-8 text (byte {exc.start}); cannot merge into it")
    except OSError as exc:
        _fail(f"{path}: cannot read: {exc.strerror}")


def _doc_name(path: Path, docs: Path | None) -> str:
    if docs is None:
        return path.name
    try:
        return path.resolve().relative_to(docs.resolve()).as_posix()
    except ValueError:
        _fail(f"{path} is not inside the documents folder {docs}")


CLAIM_SUFFIXES = (".yaml", ".yml")  # claim files, which extract never reads as documents


def _read_text(path: Path) -> str:
    from checker.io import formats
    from checker.io import reading as inputs

    try:
        return formats.read_document(path).text
    except inputs.ReadError as exc:
        _fail(str(exc))


@app.command()
@_reads_files
def text(
    document: Path = typer.Argument(..., help="A document: .txt, .md, .docx, .pdf, .html, .xlsx or .csv."),
    encoding: Optional[str] = EncodingOpt,
    max_file_size: Optional[str] = MaxSizeOpt,
):
    """Print a document's text as claimcheck reads it, with line numbers (and pages, for a PDF)."""
    from checker.io import formats
    from checker.io import reading as inputs
    from checker.load.documents import split_lines

    settings = _settings("text", encoding=encoding, max_file_size=max_file_size)
    with inputs.using(settings.limits):
        try:
            read = formats.read_document(document)
        except inputs.ReadError as exc:
            _fail(str(exc))
    lines = split_lines(read.text)
    width = len(str(len(lines)))
    pages = len(read.pages)
    out = []
    for number, line in enumerate(lines, start=1):
        page = read.page_of(number)
        where = f"p{page:<{len(str(pages))}} " if page is not None else ""
        out.append(f"{where}{number:>{width}}  {line}\n")
    sys.stdout.write("".join(out))


@app.command()
def review(
    claims: Optional[List[str]] = typer.Argument(None, help="Claim files or folders (default: claims)."),
    docs: Optional[str] = typer.Option(None, "--docs", "-d", help="Documents folder."),
    rules: Optional[str] = RulesOpt,
    port: int = typer.Option(0, "--port", min=0, max=65535, help="Port on 127.0.0.1 (default: a free one)."),
    no_browser: bool = typer.Option(False, "--no-browser", help="Print the address; do not open a browser."),
):
    """Confirm, correct and reject drafts in the browser, beside the text and its findings."""
    from checker.io import reading
    from checker.review.server import serve
    from checker.review.session import Review
    from checker.run import runner
    from checker.table.engines import EngineError

    settings = _settings("check", claims=claims, docs=docs, rules=rules)
    if not settings.docs:
        _fail("review needs the documents folder: give --docs DIR")
    session = Review(settings)
    with reading.using(settings.limits):
        try:
            session.refresh()
        except (runner.InputError, EngineError) as exc:
            _fail(str(exc))
        session.count_in_background()
        try:
            serve(session, port, not no_browser, echo=lambda line: (typer.echo(line), sys.stdout.flush()))
        except OSError as exc:
            _fail(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}")
    typer.echo("claimcheck: review stopped", err=True)


reference_app = typer.Typer(help="Reference sets of official figures: import your own (check --reference uses them).",
                             no_args_is_help=True)
app.add_typer(reference_app, name="reference")


@reference_app.command("show")
def reference_show(
    name: str = typer.Argument("national", help="A built-in set's name or a set's folder."),
    least: int = typer.Option(15, "--least", help="Count the years that have at least this many indicators."),
):
    """What a reference set holds: its documents, and which indicator it gives for which year."""
    from checker.io.yamlfile import LoadError
    from checker.load import reference as reference_sets

    try:
        found = reference_sets.find(name)
        held = reference_sets.coverage(found)
    except (reference_sets.ReferenceError, LoadError) as exc:
        _fail(str(exc))
    typer.echo(f"{found.name}: {found.publisher}")
    for doc, date in sorted(found.published.items(), key=lambda item: (item[1], item[0])):
        typer.echo(f"  {date}  {doc}")
    years = sorted({period for periods in held.values() for period in periods})
    typer.echo("")
    typer.echo("| entity | indicator | " + " | ".join(years) + " |")
    typer.echo("| --- | --- | " + " | ".join(":-:" for _ in years) + " |")
    for (entity, metric), periods in sorted(held.items(), key=lambda item: (-len(item[1]), item[0])):
        cells = (str(periods[y]) if periods.get(y, 0) > 1 else "✓" if y in periods else "" for y in years)
        typer.echo(f"| {entity} | {metric} | " + " | ".join(cells) + " |")
    per_year = {y: sum(1 for periods in held.values() if y in periods) for y in years}
    figures = sum(sum(periods.values()) for periods in held.values())
    full = [y for y in years if per_year[y] >= least]
    typer.echo("")
    typer.echo(f"{figures} figures, {len(held)} indicators, {len(years)} years; indicators per year: "
               + ", ".join(f"{y} {n}" for y, n in per_year.items()))
    typer.echo(f"{len(full)} years with at least {least} indicators: {', '.join(full) or 'none'}"
               " (a number in a cell: that many editions of the figure)")


@reference_app.command("import")
def reference_import(
    table: Path = typer.Argument(..., help="A tidy table (.csv or .xlsx): metric, entity, period, value, unit, source "
                                 "columns; optional published (YYYY-MM-DD) and quote."),
    name: str = typer.Option(..., "--name", help="The set's name (reports show it beside each official figure)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="The set's folder (default: NAME)."),
    publisher: str = typer.Option("", "--publisher", help="Who published the figures."),
    published: str = typer.Option("", "--published", help="When (YYYY-MM-DD), if the table has no published column."),
    terms: str = typer.Option("", "--terms", help="The figures' terms of use."),
    rules: Optional[str] = RulesOpt,
    force: bool = typer.Option(False, "--force", help="Write into an existing folder."),
):
    """Turn a table of official figures into a reference set, validating every row first."""
    from checker.language.units import Units
    from checker.load import reference_table
    from checker.load.rulefiles import RuleFiles, RulesFolderError
    from checker.run import runner

    settings = _settings("extract", rules=rules)
    folder = output or Path(name)
    if folder.exists() and any(folder.iterdir()) and not force:
        _fail(f"{folder} exists and is not empty: give --force to write into it, or another --output")
    try:
        units = Units(RuleFiles.of(settings.rules).units)
        frame = reference_table.read_table(table)
        reference_table.validate(frame, table, units)
        count = reference_table.write_set(frame, table, name, folder, publisher, published, terms)
    except (reference_table.TableError, RulesFolderError) as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(EXIT_INPUT) from None
    try:
        runner.load_references(replace(settings, reference=(str(folder),)))
    except runner.InputError as exc:
        _fail(str(exc))
    typer.echo(f"claimcheck: {count} figures written to {folder}; check claims against them with "
               f"--reference {folder}", err=True)


@app.command()
@_reads_files
def lint(
    documents: List[str] = typer.Argument(..., help="Source documents or folders of them (.txt, .md, .docx, .pdf, .html, .xlsx, .csv)."),
    rules: Optional[str] = RulesOpt,
    format: Optional[List[Format]] = FormatOpt,
    output: Optional[List[Path]] = OutputOpt,
    fail_on: Optional[Level] = FailOnOpt,
    select: Optional[List[str]] = SelectOpt,
    ignore: Optional[List[str]] = IgnoreOpt,
    suppressions: Optional[str] = SuppressOpt,
    encoding: Optional[str] = EncodingOpt,
    max_file_size: Optional[str] = MaxSizeOpt,
    force: bool = ForceOpt,
):
    """Check source documents for garbled figures and text: doubled words, cut or pasted passages, bad units."""
    settings = _settings("lint", rules=rules, fail_on=fail_on, select=select, ignore=ignore, encoding=encoding,
                         max_file_size=max_file_size, suppressions=suppressions)
    _run(settings, "lint", format, output, force, documents=documents)


baseline_app = typer.Typer(help="Record today's findings so that CI fails only on new ones.", no_args_is_help=True)
app.add_typer(baseline_app, name="baseline")
BaselineFileOpt = typer.Option(Path(".claimcheck-baseline.json"), "--output", "-o", help="The baseline file.")


@baseline_app.command("create")
@_reads_files
def baseline_create(
    claims: Optional[List[str]] = ClaimPaths,
    docs: Optional[str] = DocsOpt,
    rules: Optional[str] = RulesOpt,
    output: Path = BaselineFileOpt,
    force: bool = typer.Option(False, "--force", help="Replace an existing baseline."),
):
    """Write the current findings to a new baseline file."""
    _write_baseline(claims, docs, rules, output, overwrite=force)


@baseline_app.command("update")
@_reads_files
def baseline_update(
    claims: Optional[List[str]] = ClaimPaths,
    docs: Optional[str] = DocsOpt,
    rules: Optional[str] = RulesOpt,
    output: Path = BaselineFileOpt,
    force: bool = typer.Option(False, "--force", help="Replace --output even if it is not a claimcheck baseline."),
):
    """Rewrite an existing baseline with the current findings (fixed ones drop out)."""
    if not output.exists():
        _fail(f"{output} does not exist; use `claimcheck baseline create`")
    _write_baseline(claims, docs, rules, output, overwrite=force, ours=_is_baseline)


def _is_baseline(text: str) -> bool:
    import json

    try:
        data = json.loads(text)
    except ValueError:
        return False
    return isinstance(data, dict) and set(data) == {"version", "findings"} and isinstance(data["findings"], list)


def _write_baseline(claims, docs, rules, output: Path, overwrite: bool, ours=None) -> None:
    from checker.io.writing import FORCE_HINT, WriteError, atomic_write, check_target
    from checker.run.suppressions import render_baseline

    try:
        check_target(output, overwrite, ours, FORCE_HINT)  # before the run, not after it
    except WriteError as exc:
        _fail(str(exc))
    from dataclasses import replace

    settings = replace(_settings("check", claims=claims, docs=docs, rules=rules), baseline=None)
    result = _execute(settings, "check")
    try:
        atomic_write(output, render_baseline(result.findings), overwrite=overwrite, ours=ours, hint=FORCE_HINT)
    except WriteError as exc:
        _fail(str(exc))
    typer.echo(f"claimcheck: {len(result.findings)} findings written to {output}", err=True)


@app.command()
def vocabulary(
    word: Optional[str] = typer.Argument(None, help="Show the metrics and entities whose name or alias contains "
                                         "this (all metrics when left out)."),
    rules: Optional[str] = RulesOpt,
    entities: bool = typer.Option(False, "--entities", help="With no WORD: list the entities (places and "
                                  "institutions) instead of the metrics."),
):
    """Look up the vocabulary: indicators and places, built in and the project's, with aliases and units."""
    from checker.io.yamlfile import LoadError
    from checker.load.registry import load_registry
    from checker.load.rulefiles import RuleFiles, RulesFolderError

    settings = _settings("vocabulary", rules=rules)
    try:
        registry = load_registry(RuleFiles.of(settings.rules))
    except (LoadError, RulesFolderError) as exc:
        _fail(str(exc))
    if word:
        registry.learn([word], [word])  # 每千人口X and X人民医院 are understood without being listed
    shown = 0
    for kind, vocab in (("metric", registry.metrics), ("entity", registry.entities)):
        if not word and (kind == "entity") != entities:
            continue
        for term in vocab.terms.values():
            names = (term.name, *term.aliases)
            if word and not any(word in name for name in names):
                continue
            typer.echo(_term_line(kind, term))
            shown += 1
    if not shown:
        typer.echo(f"claimcheck: nothing in the vocabulary matches {word!r}", err=True)
        raise typer.Exit(EXIT_FINDINGS)


def _term_line(kind: str, term) -> str:
    """One entry of the vocabulary as people read it: name, aliases, unit or parent, where it comes from."""
    extra = term.extra
    facts = [f"unit {extra['unit']}"] if extra.get("unit") else []
    facts += [f"{key} {extra[key]}" for key in ("type", "parent", "code", "group", "better") if extra.get(key)]
    origin = "built-in" if term.builtin else f"project: {term.path}:{term.line}"
    line = f"{kind:<7} {term.name}"
    if term.aliases:
        line += f"  (also: {', '.join(term.aliases)})"
    line += f"  [{'; '.join(facts + [origin])}]"
    if extra.get("definition"):
        line += f"\n          {extra['definition']}"
    return line


@app.command(name="rules")
def list_rules():
    """List every rule with its code, severity and summary."""
    from checker import rules as rule_modules

    for code, module in rule_modules.all_rules().items():
        typer.echo(f"{code}  {module.SEVERITY:<7}  {module.NAME:<24}  {rule_modules.summary(module)}")


@app.command()
def explain(code: str = typer.Argument(..., help="A rule code such as CC201.")):
    """Print a rule's documentation with its passing and failing examples."""
    from checker import rules as rule_modules

    found = rule_modules.all_rules().get(code.upper())
    if found is None:
        _fail(f"unknown rule code {code!r}; `claimcheck rules` lists them")
    typer.echo(f"{found.CODE} {found.NAME} ({found.SEVERITY})\n")
    typer.echo(found.__doc__.strip())


def _run(settings, command: str, format, output, force: bool, documents=None, no_cache: bool = False,
         verbose: bool = False):
    """Run a command's rules, write its reports, exit 1 when a finding at or above fail-on remains."""
    from dataclasses import replace

    from checker.model.findings import at_or_above

    if no_cache:
        settings = replace(settings, cache_dir=None)
    _check_outputs(output, force)  # refuse before a long run, not after it
    result = _execute(settings, command, documents)
    _emit(result, format, output, force, verbose)
    raise typer.Exit(EXIT_FINDINGS if at_or_above(result.findings, settings.fail_on) else EXIT_OK)


def _execute(settings, command: str, documents=None):
    from checker.run import runner
    from checker.table.engines import EngineError, failure

    with _progress() as tick:
        try:
            return runner.run(settings, command, documents, progress=tick)
        except (runner.InputError, EngineError) as exc:
            _fail(str(exc))
        except Exception as exc:  # noqa: BLE001 - a failure inside Spark (lost executor, out of memory) ends the run
            cause = failure(exc)
            if cause is None:
                raise
            _fail(f"Spark failed: {cause} (settings: [tool.claimcheck.spark], see docs/scale.md)")


class _progress:
    """A progress bar on the terminal (never in pipes or CI logs), shown once a run takes a moment."""

    def __enter__(self):
        import time

        self.bar, self.task, self.start = None, None, time.monotonic()
        return self.tick if sys.stderr.isatty() else None

    def tick(self, done: int, total: int, code: str) -> None:
        import time

        if self.bar is None and time.monotonic() - self.start > 0.5:
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("checking", total=total)
        if self.bar is not None:
            self.bar.update(self.task, completed=done, description=f"checking {code}")

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False


def _emit(result, formats, outputs, force: bool = False, verbose: bool = False) -> None:
    """Each --format to its --output, in order; at most one report goes to standard output."""
    from checker import report

    formats, outputs = list(formats or [Format.text]), list(outputs or [])
    if len(outputs) > len(formats):
        _fail("more --output than --format options")
    if len(formats) - len(outputs) > 1:
        _fail("only one report can go to standard output: give an --output for each other --format")
    texts = [report.render(result, fmt.value, verbose) for fmt in formats]  # an interrupt here writes nothing
    for i, text in enumerate(texts):
        _write(text, outputs[i] if i < len(outputs) else None, force)


def _check_outputs(outputs, force: bool) -> None:
    """Every --output must be new, a report claimcheck wrote earlier (CI re-runs), or --force."""
    from checker import report
    from checker.io.writing import FORCE_HINT, WriteError, check_target

    for output in outputs or ():
        try:
            check_target(output, overwrite=force, ours=report.is_report, hint=FORCE_HINT)
        except WriteError as exc:
            _fail(str(exc))


def _write(text: str, output: Path | None, force: bool = False) -> None:
    from checker import report
    from checker.io.writing import FORCE_HINT, WriteError, atomic_write

    if output is None:
        sys.stdout.write(text)
        return
    try:
        atomic_write(output, text, overwrite=force, ours=report.is_report, hint=FORCE_HINT)
    except WriteError as exc:
        _fail(str(exc))


def _fail(message: str):
    typer.echo(f"claimcheck: error: {message}", err=True)
    raise typer.Exit(EXIT_INPUT)


def main():
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("claimcheck: interrupted", err=True)
        sys.exit(130)
