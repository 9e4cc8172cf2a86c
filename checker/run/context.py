"""What a rule sees: the claim table in an engine, and helpers to report."""
from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker.io.yamlfile import Problem
from checker.load.documents import Documents
from checker.load.registry import Registry
from checker.model.findings import Finding, Location
from checker.model.records import Records
from checker.table.readings import Reading

if TYPE_CHECKING:  # the heavy libraries load when the rules need them, not with this module
    import pyarrow as pa
    from ibis import Table

    from checker.language.units import Units
    from checker.run.suppressions import DocIgnore, Outcome
    from checker.table.engines import Embedded


@dataclass
class Context:
    """Everything the rules read, given by the runner in the order it is made: the registries, units and
    texts first (a document rule needs nothing more), then the claims and their tables, and last what the
    suppressions and baseline kept (for the rules that run after them, AFTER = True)."""

    records: Records  # columns, a Record made per row asked
    readings: Sequence[Reading]  # what each record means (checker.table.readings.Readings): made when asked
    problems: list[Problem]  # what loading the claim files met, reported by the rules owning their codes
    registry: Registry
    docs: Documents
    table: Table | None  # the claim table in the engine (ibis; see checker.table.arrow)
    severities: dict[str, str] = field(default_factory=dict)  # code → severity
    relations: Table | None = None  # relation edges in the engine (checker.table.edges)
    edges: pa.Table | None = None  # the relation edges as Arrow
    metrics: Table | None = None  # the metric registry in the engine (checker.table.arrow.metric_table)
    arrow: pa.Table | None = None  # the claim table as Arrow, for record-level rules
    texts: Mapping[str, list[str]] = field(default_factory=dict)  # document path → lines, for the document rules
    lint: dict = field(default_factory=dict)  # rules/lint.yaml: the document rules' word lists
    sidecar: list[DocIgnore] = field(default_factory=list)  # document suppressions (checker.run.suppressions)
    outcome: Outcome | None = None  # what suppressions and the baseline kept, for the rules that run last
    baseline_path: str | None = None
    units: Units | None = None
    references: list = field(default_factory=list)  # reference sets to compare with (checker.run.runner.load_references)
    compared: list | None = None  # the claims compared with them, made once (checker.rules.shared.reference)
    made: list | None = None  # (finding, the first row it names) of each made, when a rule's are kept (checker.run.kept)
    remote: object | None = None  # on Spark, the claims the executors hold (checker.run.distributed.SparkRecords)
    engine: Embedded | None = None  # the embedded engine holding table, relations and metrics (else Spark holds them)

    def rows(self, expr) -> list[dict]:
        """Run an ibis expression and return its rows as dicts."""
        result = self.arrow_of(expr).to_pylist()
        if self.remote is not None:
            return self.remote.named(result)  # the rows the findings will name, fetched before they are read
        return result

    def arrow_of(self, expr):
        """An ibis expression's result as Arrow: on the run's embedded engine, else on the engine holding its
        tables (Spark)."""
        return self.engine.arrow(expr) if self.engine is not None else expr.to_pyarrow()

    def where(self, predicate) -> list[int]:
        """Rows for which a record-level predicate holds, in order.

        predicate(pc.field) builds a pyarrow compute expression: a record-level
        rule needs no engine, only a vectorised scan of the local table.
        """
        import pyarrow.compute as pc

        return self.arrow.filter(predicate(pc.field)).column("row").to_pylist()

    def in_batches(self, groups: list[dict], rows_of, size: int = 256) -> Iterator[dict]:
        """The groups in order; each batch's claims are made at once (Records.prefetch) before they are asked for."""
        if self.remote is not None:
            size = max(size, 4096)  # on Spark each batch is a job: fewer, larger ones
        for start in range(0, len(groups), size):
            batch = groups[start:start + size]
            self.records.prefetch(row for g in batch for row in rows_of(g))
            yield from batch

    def rows_where(self, predicate, names: tuple) -> list[dict]:
        """The rows for which a record-level predicate holds, each as a dict of the named columns and of what
        finding_at needs: a rule that reports many claims reads them from the table at once, never one by one."""
        import pyarrow.compute as pc

        wanted = list(dict.fromkeys((*names, *_WHERE)))
        return self.arrow.filter(predicate(pc.field)).select(wanted).to_pylist()

    def finding_at(self, code: str, message: str, row: dict) -> Finding:
        """ctx.finding for one claim given as a row of rows_where: the same finding, made from the table."""
        locs = [Location(row["file"], row["file_line"], row["file_column"], "claim")]
        if row["doc"] and row["doc_problem"] is None:
            locs.append(self._source(row["doc"], row["quote_line"] or row["line"], row["quote_column"], row["quote"],
                                     row["surface"]))
        made = Finding(code, self.severities[code], message, tuple(locs), (row["id"] or f"#{row['row']}",))
        if self.made is not None:
            self.made.append((made, row["row"]))
        return made

    def locations(self, row: int) -> tuple[Location, ...]:
        rec, r = self.records[row], self.readings[row]
        out = [Location(rec.path, rec.line, rec.column, "claim")]
        values = rec.values
        if values.get("doc") and r.doc_problem is None:
            out.append(self._source(values["doc"], r.quote_line or values.get("line"), r.quote_column,
                                    values.get("quote"), values.get("surface")))
        return tuple(out)

    def _source(self, doc: str, line, quote_column, quote, surface) -> Location:
        """Where a claim's figure stands in its document: the number itself inside the quoted line, not the
        quote's start."""
        column = None if quote_column is None else quote_column + max((quote or "").find(surface or "\0"), 0)
        return Location(self.docs.path_for(doc), line, column, "source")

    def finding(self, code: str, message: str, rows=(), extra: tuple[Location, ...] = (),
                milder: bool = False) -> Finding:
        """milder: a warning at most, whatever the rule's severity (an explained disagreement)."""
        locs: list[Location] = []
        for row in rows:
            locs.extend(loc for loc in self.locations(row) if loc not in locs)
        locs.extend(extra)
        ids = tuple(self.records[r].values.get("id") or f"#{r}" for r in rows)
        severity = self.severities[code]
        if milder and severity == "error":
            severity = "warning"
        made = Finding(code, severity, message, tuple(locs), ids)
        if self.made is not None and rows:
            self.made.append((made, rows[0]))
        return made

    def about(self, finding: Finding, row: int) -> Finding:
        """A finding that names no claim, kept with the scope value of row's claim (see checker.run.kept)."""
        if self.made is not None:
            self.made.append((finding, row))
        return finding

    def text_finding(self, code: str, message: str, path: str, line: int, column: int, span: str = "",
                     fix: str = "", also: tuple = ()) -> Finding:
        """A finding about a document: its place, the exact text and the likely intended text."""
        locs = (Location(path, line, column, "source"),) + tuple(Location(path, ln, col, "source") for ln, col in also)
        return Finding(code, self.severities[code], message, locs, (), span, fix)

    def problem_findings(self, code: str) -> list[Finding]:
        """Findings for problems the loader kept under this code."""
        out = []
        for p in self.problems:
            if p.code == code:
                out.append(self.finding(code, p.message, (), (Location(p.path, p.line, None, "claim"),)))
        return out


# The columns finding_at reads.
_WHERE = ("row", "id", "file", "file_line", "file_column", "doc", "doc_problem", "quote_line", "line", "quote_column",
          "quote", "surface")

