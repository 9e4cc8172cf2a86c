"""What a rule sees: the claim table in an engine, and helpers to report."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from checker.documents import Documents
from checker.findings import Finding, Location
from checker.loader import Problem
from checker.records import Records
from checker.registry import Registry
from checker.table import Reading


@dataclass
class Context:
    records: Records  # checker.records.Records: columns, a Record made per row asked
    readings: Sequence[Reading]  # checker.table.Readings: made when asked
    problems: list[Problem]
    registry: Registry
    docs: Documents
    table: object                      # ibis table of claims (see checker.table)
    severities: dict = field(default_factory=dict)  # code → severity
    relations: object = None           # ibis table of relation edges (see checker.relations)
    edges: object = None               # the relation edges as Arrow
    metrics: object = None             # ibis table of the metric registry (see table.metric_table)
    arrow: object = None               # the claim table as Arrow, for record-level rules
    texts: dict = field(default_factory=dict)  # document path → lines, for the text rules (CC4xx)
    lint: dict = field(default_factory=dict)   # rules/lint.yaml
    sidecar: list = field(default_factory=list)  # document suppressions (checker.suppressions)
    outcome: object = None                     # suppression and baseline results, for the rules that run last
    baseline_path: str | None = None
    units: object = None
    made: list | None = None  # (finding, the first row it names) of each made, when a rule's are kept (checker.reuse)

    def rows(self, expr) -> list[dict]:
        """Run an ibis expression and return its rows as dicts."""
        return expr.to_pyarrow().to_pylist()

    def where(self, predicate) -> list[int]:
        """Rows for which a record-level predicate holds, in order.

        predicate(pc.field) builds a pyarrow compute expression: a record-level
        rule needs no engine, only a vectorised scan of the local table.
        """
        import pyarrow.compute as pc

        return self.arrow.filter(predicate(pc.field)).column("row").to_pylist()

    def in_batches(self, groups: list[dict], rows_of, size: int = 256) -> Iterator[dict]:
        """The groups in order; each batch's claims are made at once (Records.prefetch) before they are asked for."""
        for start in range(0, len(groups), size):
            batch = groups[start:start + size]
            self.records.prefetch(row for g in batch for row in rows_of(g))
            yield from batch

    def locations(self, row: int) -> tuple[Location, ...]:
        rec, r = self.records[row], self.readings[row]
        out = [Location(rec.path, rec.line, rec.column, "claim")]
        doc = rec.values.get("doc")
        if doc and r.doc_problem is None:
            line = r.quote_line or rec.values.get("line")
            out.append(Location(self.docs.path_for(doc), line, _number_column(rec.values, r), "source"))
        return tuple(out)

    def finding(self, code: str, message: str, rows=(), extra: tuple[Location, ...] = ()) -> Finding:
        locs: list[Location] = []
        for row in rows:
            locs.extend(loc for loc in self.locations(row) if loc not in locs)
        locs.extend(extra)
        ids = tuple(self.records[r].values.get("id") or f"#{r}" for r in rows)
        made = Finding(code, self.severities[code], message, tuple(locs), ids)
        if self.made is not None and rows:
            self.made.append((made, rows[0]))
        return made

    def about(self, finding: Finding, row: int) -> Finding:
        """A finding that names no claim, kept with the scope value of row's claim (see checker.reuse)."""
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

    def show(self, row: int) -> str:
        """How a claim reads in a message: 93.4% (doc line 13)."""
        rec = self.records[row]
        v = rec.values
        unit = v.get("unit")
        text = v.get("surface") or "?"
        if unit and self.readings[row].surface_unit is None:
            text += f" {unit}"
        line = self.readings[row].quote_line or v.get("line")
        where = f"{v.get('doc')}:{line}" if line else f"{rec.path}:{rec.line}"
        return f"{text} [{v.get('kind')}, {v.get('period')}] ({where})"

    def in_unit_of(self, row: int, base) -> str:
        """A base-unit interval shown in the unit of a claim."""
        from checker.interval import Interval, div

        factor = self.units.info(self.readings[row].unit).factor
        return div(base, Interval.point(factor)).short()

    def parts_message(self, g: dict, problem: str) -> str:
        whole, parts = g["row"], sorted(g["parts"])
        if g["mixed"]:
            dims = sorted({str(self.readings[p].dimension) for p in parts})
            return (f"{self.show(whole)}: the parts are in {', '.join(dims)} but the total is in "
                    f"{self.readings[whole].dimension}")
        total = self.readings[parts[0]].base
        for p in parts[1:]:
            total = total + self.readings[p].base
        listed = " + ".join(self.records[p].values.get("surface") or self.records[p].values["id"] for p in parts)
        return f"{self.show(whole)} {problem}: {listed} = {self.in_unit_of(whole, total)}"

    def variant_of(self, row: int) -> str:
        return self.registry.entities.variants[self.records[row].values["entity"]]

    def key(self, row: int) -> str:
        v = self.records[row].values
        return f"{v.get('metric')} · {v.get('entity')}"


def _number_column(values: dict, r: Reading) -> int | None:
    """Point at the number itself inside the quoted line, not at the quote's start."""
    if r.quote_column is None:
        return None
    offset = (values.get("quote") or "").find(values.get("surface") or "\0")
    return r.quote_column + max(offset, 0)
