"""The check on Spark: claim files and documents read and checked on the executors, findings back to the driver.

With `--engine spark` nothing passes through one process whole. Spark lists
and reads the claim files (`binaryFile`: a local folder, hdfs://, s3a://…);
each executor parses its files with the loader the embedded engine uses,
reads every record (numbers, units, quotes) and runs the rules about single
records (CC100, CC110, CC121 …) on them, through `mapInArrow`. What comes
back is one DataFrame per partition holding the claim table's rows, each
record itself (pickled, for messages), its relation edges still naming ids,
and the findings of those rules. The claim table then exists only as a Spark
DataFrame: the rules across records run on it as ibis expressions (as on
DuckDB), and the driver receives their findings and fetches just the rows
they name. The document rules run on the executors too, a document at a time.

Rows are numbered as the embedded engine numbers them (files in the order
claim_files lists them), so both engines give the very same findings: only
the number of records per file comes to the driver to place them.

Documents are read by their path in the documents folder: on a cluster, that
folder must be on a file system every executor mounts.
"""
from __future__ import annotations

import os
import pickle
import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from pathlib import Path

from checker.io.yamlfile import LoadError, Problem
from checker.model.findings import Finding
from checker.rules import RELATIONS, scope_of
from checker.run.context import Context

CLAIM, FINDING, EDGE, PROBLEM, FATAL, COUNT = "claim", "finding", "edge", "problem", "fatal", "count"
FILES_PER_BATCH = 64  # claim files an executor parses at once: one schema validation per batch, bounded memory
# Besides the claim table's columns, each row says what it is and carries the rest (output_schema).
EDGE_FIELDS = (("e_entry", "int64"), ("e_rel", "string"), ("e_member_name", "string"), ("e_role", "string"),
               ("e_direction", "string"), ("e_mode", "string"), ("e_years", "int64"), ("e_order", "int64"),
               ("e_rec_id", "string"), ("e_line", "int64"))
ADDED = ("kind_of_row", "in_file", "has_ignore", "blob") + tuple(name for name, _ in EDGE_FIELDS)


class SparkInputError(Exception):
    """A claim file or document the executors could not read (the runner's InputError, by message)."""


@dataclass(frozen=True)
class Plan:
    """What the executors need, sent with the function they run (small: paths and settings, no data)."""
    rules: str | None
    docs: str | None
    tolerances: dict | None
    roots: tuple  # (absolute path or URI as Spark names it, as the user gave it) of each claim path
    codes: tuple  # the record rules to run on the executors
    severities: dict
    limits: object
    lint_codes: tuple = ()
    files_per_batch: int = 64


# ---- on the executors ---------------------------------------------------------------------------------------

_PREPARED: dict = {}  # per Python worker: the registry and units, read once, not per batch


def _prepared(plan: Plan):
    key = (plan.rules, plan.docs)
    if key not in _PREPARED:
        from checker.language.units import Units
        from checker.load.documents import Documents
        from checker.load.registry import load_registry
        from checker.load.rulefiles import RuleFiles, lint_language

        files = RuleFiles.of(plan.rules)
        units = Units(files.units)
        _PREPARED.clear()
        _PREPARED[key] = (files, units, load_registry(files, units), Documents(plan.docs), lint_language(files.lint))
    return _PREPARED[key]


def parse_batches(plan: Plan, schema):
    """The function mapInArrow runs: batches of (path, content) of claim files → rows of the output schema."""
    def run(batches):
        from checker.io import reading

        with reading.using(plan.limits):
            for batch in batches:
                paths, contents = batch.column("path").to_pylist(), batch.column("content")
                for start in range(0, len(paths), plan.files_per_batch):
                    stop = start + plan.files_per_batch
                    yield from _parsed(plan, schema, paths[start:stop], contents.slice(start, stop - start))
    return run


def _parsed(plan: Plan, schema, uris: list, contents):

    from checker.io import reading
    from checker.load.claimfile import load_text
    from checker.model.records import Records

    files, units, registry, docs, _ = _prepared(plan)
    records, problems, spans, fatal = Records(), [], [], []
    for uri, content in zip(uris, contents):
        shown = display(uri, plan.roots)
        found: list = []
        try:
            load_text(reading.decode(content.as_py(), shown), shown, found, problems, len(records))
        except (LoadError, reading.ReadError) as exc:
            fatal.append((shown, str(exc)))
            continue
        spans.append((shown, len(records), len(found)))
        records.extend(found)
    yield from _other_rows(schema, [(FATAL, shown, None, message.encode()) for shown, message in fatal])
    if not len(records):
        return
    where = {row: (shown, row - first) for shown, first, count in spans for row in range(first, first + count)}
    table, readings = _claim_table(records, spans, units, docs, registry, plan.tolerances)
    edge_rows = _edge_rows(records, problems, where)  # a relation of the wrong shape is a problem from here on
    findings = _record_findings(plan, records, readings, problems, registry, docs, units, table)
    rows = [(FINDING, *_placed(f, named, where)) for f, named in findings]
    # CC141 runs on the driver, which finds the relations naming no claim: the problems met here go to it
    rows += [(PROBLEM, *where[p.row], pickle.dumps(replace(p, row=None))) for p in problems
             if p.code == "CC141" and p.row is not None]
    rows += [(COUNT, shown, count, None) for shown, _, count in spans if count]  # to place each file's rows
    yield from _other_rows(schema, rows + edge_rows)
    yield from _claim_rows(schema, table, records, readings, where)


def _claim_table(records, spans, units, docs, registry, tolerances):
    """The batch's claim table and readings; derived figures are resolved within their own file."""
    from checker.table import arrow, derived
    from checker.table.readings import Readings

    readings = Readings(records, units, docs, tolerances)
    for _, first, count in spans:
        derived.resolve_derived(_Slice(records, first, count), _Slice(readings, first, count), units)
    return arrow.arrow_table(records, readings, registry), readings


class _Slice:
    """One file's rows of a batch, numbered from 0, as resolve_derived reads records and readings."""

    def __init__(self, whole, first: int, count: int):
        self._whole, self._first, self._count = whole, first, count

    def __len__(self):
        return self._count

    def __getitem__(self, row: int):
        return self._whole[self._first + row]

    def column(self, name: str):
        return (self._whole[self._first + at].values.get(name) for at in range(self._count))

    def rows_by_id(self):
        return {rec.values.get("id"): at for at, rec in enumerate(self._whole[self._first:self._first + self._count])
                if rec.values.get("id")}


def _record_findings(plan: Plan, records, readings, problems, registry, docs, units, table) -> list:
    """(finding, the batch rows it names) of each record rule run here."""
    from checker.rules import all_rules
    from checker.table import arrow, edges, engines

    rules = all_rules()
    wanted = [rules[code] for code in plan.codes]
    if not wanted:
        return []
    ctx = Naming(records, readings, problems, registry, docs, None, dict(plan.severities), units=units, arrow=table)
    if any(m.CODE == "CC100" for m in wanted):  # the schema is validated on the table (pandera), here on DuckDB
        ctx.engine, ctx.table, ctx.relations, ctx.metrics = engines.tables(
            table, edges.arrow([]), arrow.metric_table(registry, units))
    for module in wanted:
        module.check(ctx)
    return ctx.named


@dataclass
class Naming(Context):
    """A context that notes the rows each finding names, so that the driver can number them."""

    named: list = field(default_factory=list)  # (finding, the batch rows it names)

    def finding(self, code, message, rows=(), extra=(), milder=False):
        rows = list(rows)
        made = super().finding(code, message, rows, extra, milder)
        self.named.append((made, rows))
        return made

    def finding_at(self, code, message, row):
        made = super().finding_at(code, message, row)
        self.named.append((made, [row["row"]]))
        return made


def _placed(finding: Finding, rows: list, where: dict) -> tuple:
    """(file, row in file, blob) of a finding made on an executor: a claim named by its batch row (#12, when it
    has no id) is named by its file and place, which the driver turns into its row."""
    marks = {f"#{row}": f"#\0{where[row][0]}\0{where[row][1]}" for row in rows if row in where}
    named = finding._replace(claims=tuple(marks.get(c, c) for c in finding.claims))
    shown, at = where[rows[0]] if rows and rows[0] in where else (None, None)
    return shown, at, pickle.dumps(named)


def _claim_rows(schema, table, records, readings, where):
    """The claim table's rows, each with its place in its file and its record (and a derived figure's reading)."""
    import pyarrow as pa

    rows = range(len(records))
    made = records[:]  # each record made once, a chunk at a time
    blobs = [pickle.dumps((rec, readings[rec.row] if rec.values.get("derived") else None)) for rec in made]
    extra = {"kind_of_row": pa.array([CLAIM] * len(rows), pa.string()),
             "in_file": pa.array([where[r][1] for r in rows], pa.int64()),
             "has_ignore": pa.array([bool(rec.ignore) for rec in made], pa.bool_()),
             "blob": pa.array(blobs, pa.binary())}
    columns = {name: table.column(name) if name in table.column_names else extra.get(name) for name in schema.names}
    n = len(rows)
    full = {name: col if col is not None else pa.nulls(n, schema.field(name).type) for name, col in columns.items()}
    yield from pa.table(full, schema=schema).to_batches()


def _edge_rows(records, problems, where) -> list:
    """Each relation's edges, their members still named by id (the driver's join looks them up)."""
    from checker.table import edges

    rows = []
    for e in edges.unresolved(records, problems):
        rec = records[e["row"]]
        rows.append((EDGE, *where[e["row"]], None, {
            "e_entry": e["entry"], "e_rel": e["rel"], "e_member_name": e["member_name"], "e_role": e["role"],
            "e_direction": e["direction"], "e_mode": e["mode"], "e_years": e["years"], "e_order": e["order"],
            "e_rec_id": None if rec.values.get("id") is None else str(rec.values.get("id")),
            "e_line": rec.line_of("relations")}))
    return rows


def _other_rows(schema, rows: list):
    """Rows that are not claims: (kind, file, place in file, blob[, edge fields])."""
    import pyarrow as pa

    if not rows:
        return
    columns = {name: [None] * len(rows) for name in schema.names}
    for i, row in enumerate(rows):
        kind, shown, at, blob = row[:4]
        columns["kind_of_row"][i], columns["file"][i], columns["in_file"][i], columns["blob"][i] = kind, shown, at, blob
        for name, value in (row[4] if len(row) > 4 else {}).items():
            columns[name][i] = value
    yield from pa.table({name: pa.array(values, schema.field(name).type) for name, values in columns.items()},
                        schema=schema).to_batches()


def display(uri: str, roots) -> str:
    """A file as the embedded engine names it: under the claim path the user gave, not Spark's URI."""
    plain = uri[len("file:"):] if uri.startswith("file:") else uri
    if uri.startswith("file://"):
        plain = plain[2:]  # file:///abs/path → /abs/path
    for absolute, given in roots:
        if plain == absolute:
            return given
        if plain.startswith(absolute.rstrip("/") + "/"):
            return str(Path(given) / plain[len(absolute.rstrip("/")) + 1:])
    return uri


def lint_batches(plan: Plan, paths: list):
    """The function mapInArrow runs for the document rules: batches of numbers of document paths → (code, finding)
    rows."""
    def run(batches):
        import pyarrow as pa

        from checker.io import reading
        from checker.load.documents import TextError, Texts
        from checker.rules import all_rules

        rules = all_rules()
        with reading.using(plan.limits):
            _, _, _, docs, lint = _prepared(plan)
            for batch in batches:
                texts = Texts([Path(paths[at]) for at in batch.column("id").to_pylist()], docs)
                ctx = Context(None, None, [], None, docs, None, dict(plan.severities), texts=texts, lint=lint)
                out: list = []
                try:
                    for code in plan.lint_codes:
                        out.extend((code, pickle.dumps(f)) for f in rules[code].check(ctx))
                except TextError as exc:
                    out = [(FATAL, str(exc).encode())]
                yield pa.record_batch([pa.array([c for c, _ in out], pa.string()), pa.array([b for _, b in out], pa.binary())],
                                      names=["code", "blob"])
    return run


# ---- on the driver -----------------------------------------------------------------------------------------

def output_schema(registry, units):
    """The executors' rows: the claim table's columns (as the embedded engine makes them) and what _parsed adds."""
    import pyarrow as pa

    from checker.model.records import Records
    from checker.table import arrow
    from checker.table.readings import Readings

    empty = arrow.arrow_table(Records(), Readings(Records(), units, None), registry).schema
    fields = list(empty) + [pa.field("kind_of_row", pa.string()), pa.field("in_file", pa.int64()),
                            pa.field("has_ignore", pa.bool_()), pa.field("blob", pa.binary())]
    fields += [pa.field(name, pa.int64() if kind == "int64" else pa.string()) for name, kind in EDGE_FIELDS]
    return pa.schema(fields)


def on_executors(module) -> bool:
    """A record rule that needs no claim of another file: it runs where the claim files are parsed."""
    return module.READS == "records" and not getattr(module, "ACROSS_FILES", False)


def load(ctx, settings, claim_paths: list, chosen: list) -> dict:
    """Read and check the claim files on the executors; give ctx the claim table as Spark holds it, and return
    the findings of the rules run there, by code."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    from checker.table import arrow, engines

    spark = engines.spark_session(settings.spark)
    codes = tuple(m.CODE for m in chosen if on_executors(m))
    plan = Plan(settings.rules, settings.docs, settings.tolerances, _roots(claim_paths), codes, dict(ctx.severities),
                settings.limits, files_per_batch=FILES_PER_BATCH)
    schema = output_schema(ctx.registry, ctx.units)
    files = _claim_files(spark, claim_paths)
    parsed = files.mapInArrow(parse_batches(plan, schema), from_arrow_schema(schema))
    # Kept on the executors' disks, not in their memory: a million records and their table filled a 1 GB heap
    parsed = parsed.persist(StorageLevel.DISK_ONLY)
    kind = F.col("kind_of_row")
    # what the driver needs of the executors' rows, in one job: the files' claim counts, the findings, the problems
    fatal, counts, findings, raw_problems = [], [], [], []
    for r in parsed.filter(kind.isin(FATAL, COUNT, FINDING, PROBLEM)).select(
            "kind_of_row", "file", "in_file", "blob").toLocalIterator(prefetchPartitions=True):
        what = r["kind_of_row"]
        if what == FINDING:
            findings.append(r["blob"])
        elif what == COUNT:
            counts.append((r["file"], r["in_file"]))
        elif what == PROBLEM:
            raw_problems.append((r["file"], r["in_file"], r["blob"]))
        else:
            fatal.append(r)
    order = _file_order(claim_paths)
    if fatal:
        first = min(fatal, key=lambda r: order(r["file"]))
        raise SparkInputError(bytes(first["blob"]).decode())
    counts.sort(key=lambda fc: order(fc[0]))
    offsets, total = [], 0
    for name, n in counts:
        offsets.append((name, total))
        total += n
    placed = spark.createDataFrame(offsets or [("", 0)], "file string, first long")
    rowed = (parsed.filter(kind.isin(CLAIM, EDGE)).join(F.broadcast(placed), "file")
             .withColumn("row", F.col("first") + F.col("in_file")))
    claim_columns = [name for name in schema.names if name not in ADDED]
    claims = rowed.filter(kind == CLAIM)
    table = claims.select(*claim_columns).persist(StorageLevel.DISK_ONLY)
    blobs = claims.select("row", "id", "has_ignore", "blob").persist(StorageLevel.DISK_ONLY)
    first_of = dict(offsets)
    found = _record_findings_back(findings, first_of)
    problems = [replace(pickle.loads(bytes(blob)), row=first_of[shown] + at) for shown, at, blob in raw_problems]
    edge_table, more = _resolved_edges(rowed.filter(kind == EDGE), table, F)
    # the relations are read by several rules and twice by the job answering them: made once (they are few)
    edge_table = edge_table.persist(StorageLevel.MEMORY_AND_DISK)
    problems.extend(more)
    con = engines.connect("spark", settings.spark)
    table.createOrReplaceTempView("claims")
    edge_table.createOrReplaceTempView("relations")
    import ibis

    ctx.table, ctx.relations = con.table("claims"), con.table("relations")
    ctx.metrics = con.create_view("metrics", ibis.memtable(arrow.metric_table(ctx.registry, ctx.units)), overwrite=True)
    held = SparkRecords(blobs, table, total, [n for n, _ in counts], ctx, settings.tolerances)
    ctx.records, ctx.readings, ctx.problems, ctx.arrow, ctx.remote = held, SparkReadings(held), problems, None, held
    return found


def _roots(claim_paths: list) -> tuple:
    out = []
    for given in claim_paths:
        if "://" in given:
            out.append((given, given))
        else:
            out.append((os.path.abspath(given), given))
    return tuple(out)


def _claim_files(spark, claim_paths: list):
    """The claim files as Spark reads them; a path that is not there is the embedded engine's error."""
    for given in claim_paths:
        if "://" not in given and not os.path.exists(given):
            raise SparkInputError(f"{given}: no such file or folder")
    reader = (spark.read.format("binaryFile").option("recursiveFileLookup", "true")
              .option("pathGlobFilter", "*.{yaml,yml}"))
    files = reader.load([p if "://" in p else os.path.abspath(p) for p in claim_paths])
    # tasks of a few batches each: many tasks spread over a cluster, and no task holds much at once. The files
    # are counted as Spark listed them, not in a job that reads them all
    count = len(files.inputFiles())
    parts = max(spark.sparkContext.defaultParallelism * 2, -(-count // (2 * FILES_PER_BATCH)), 1)
    return files.select("path", "content").repartition(parts)


def _file_order(claim_paths: list):
    """The key that orders files as checker.load.claims.claim_files lists them: by claim path, then by path."""
    roots = list(claim_paths)

    def key(shown: str):
        for at, given in enumerate(roots):
            if shown == given or shown.startswith(given.rstrip("/") + "/"):
                return (at, Path(shown).parts)
        return (len(roots), Path(shown).parts)
    return key


def _record_findings_back(blobs, first_of: dict) -> dict:
    """The executors' findings by code, each claim named #file·place named by its row."""
    out: dict = {}
    for blob in blobs:
        f = pickle.loads(bytes(blob))
        claims = tuple(_numbered(c, first_of) for c in f.claims)
        out.setdefault(f.code, []).append(f._replace(claims=claims))
    return out


def _numbered(claim: str, first_of: dict) -> str:
    if not claim.startswith("#\0"):
        return claim
    _, shown, at = claim.split("\0")
    return f"#{first_of[shown] + int(at)}"


def _resolved_edges(raw, table, F):
    """The relation edges with each member's row (the last claim with that id, as the embedded engine looks it
    up), and a problem for each relation naming no claim or itself (its first such member)."""
    ids = (table.filter(F.col("id").isNotNull()).groupBy("id")
           .agg(F.max("row").alias("target")).select(F.col("id").alias("target_id"), "target"))
    raw = raw.select("row", "file", *[name for name, _ in EDGE_FIELDS])
    joined = raw.join(ids, F.col("e_member_name") == F.col("target_id"), "left")
    bad = F.col("e_member_name").isNotNull() & (F.col("target").isNull() | (F.col("target") == F.col("row")))
    wrong = (joined.filter(bad).groupBy("row", "e_entry")
             .agg(F.min_by(F.struct("e_rel", "e_role", "e_member_name", "e_rec_id", "e_line", "file", "target"),
                           F.col("e_order")).alias("first")))
    problems = []
    from checker.table.edges import not_an_id, the_claim_itself

    for r in wrong.collect():
        e = r["first"]
        because = not_an_id(e["e_role"], e["e_member_name"]) if e["target"] is None else \
            the_claim_itself(e["e_role"], e["e_member_name"])
        problems.append(Problem("CC141", e["file"], e["e_line"], f"relation `{e['e_rel']}` of `{e['e_rec_id']}`: "
                                f"{because}", r["row"]))
    kept = joined.join(wrong.select("row", "e_entry"), ["row", "e_entry"], "left_anti")
    edges = kept.select(F.col("row"), F.col("e_entry").alias("entry"), F.col("e_rel").alias("rel"),
                        F.col("target").alias("member"), F.col("e_role").alias("role"),
                        F.col("e_direction").alias("direction"), F.col("e_mode").alias("mode"),
                        F.col("e_years").alias("years"))
    return edges, problems


RULE_THREADS = 4  # rules whose queries Spark runs at once: a small query's time is mostly waiting, not work
ANSWER_ROWS = 1 << 16  # rows of an answer sent back from an executor at once


def across_records(modules: list, ctx) -> dict:
    """The findings of the rules run on the claim table Spark holds, by code, several rules at once.

    Each rule's queries are Spark jobs that spend most of their time planning and scheduling; run one after
    another, a check of a few hundred claims took a second a rule. The rules with a scope have their queries
    answered on the executors meanwhile (PartitionedAnswers), a Spark job for each way of partitioning.
    Findings are the same in any order: each rule's come back whole and are reported in the rules' order.
    """
    from concurrent.futures import ThreadPoolExecutor

    if ctx.remote is None:  # without claims the tables are DuckDB's: one query at a time
        return {m.CODE: m.check(ctx) for m in modules}
    partitioned = PartitionedAnswers(ctx, [m for m in modules if _partitioned_by(m)])
    # Rules share the driver's cache of fetched claims: several at once only when every claim fits in it, else
    # one rule's fetches would drop another's rows before it read them, and those come back a job a row.
    at_once = RULE_THREADS if len(ctx.records) <= SparkRecords.KEPT else 1
    with ThreadPoolExecutor(RULE_THREADS, thread_name_prefix="claimcheck-job") as jobs, \
            ThreadPoolExecutor(at_once, thread_name_prefix="claimcheck-rule") as rules:
        running = {m.CODE: rules.submit(m.check, ctx) for m in modules if m.CODE not in partitioned.answerable}
        answered = partitioned.context(jobs)
        running.update({code: rules.submit(m.check, answered) for m in modules
                        if (code := m.CODE) in partitioned.answerable})
        return {m.CODE: running[m.CODE].result() for m in modules}


def _partitioned_by(module) -> str | None:
    """How the claim table may be partitioned for a rule, by its scope (see checker.run.kept): by the first
    column of a scope of columns, by the claim stating them for the relation rules; else None."""
    scope = scope_of(module)
    if scope == RELATIONS:
        return RELATIONS
    return scope[0] if isinstance(scope, tuple) and scope else None


class PartitionedAnswers:
    """The queries of the rules whose findings are each about one scope value (SCOPE = ("metric_key", …) or
    RELATIONS), answered on the executors: each partition of the claim table (by the scope's first column;
    for the relation rules, each relation's edges beside the claims it names, by the claim stating it) in
    DuckDB, in one Spark job for each way of partitioning.

    Such a rule's queries give for a set of whole scope values what they give for the whole table (what
    checker.run.kept relies on too), so the partitions' answers together are the table's. Each rule is run
    once with empty answers to learn its queries (expressions over named tables, as on DuckDB); a rule that
    asks for other tables (the relation rules: relations and claims, the others: claims and metrics) is left
    to Spark, and a query that depends on an answer is answered by Spark.
    """

    def __init__(self, ctx, modules: list):
        import ibis

        from checker.table import arrow, engines

        self.ctx, self.metrics = ctx, arrow.metric_table(ctx.registry, ctx.units)
        self.named = replace(ctx, table=ibis.table(ctx.table.schema(), name="claims"),
                             relations=ibis.table(ctx.relations.schema(), name="relations"),
                             metrics=ibis.table(ibis.Schema.from_pyarrow(self.metrics.schema), name="metrics"))
        self.asked: dict[str, dict] = {}  # how the table is partitioned → {op: expression}
        self.answerable: set[str] = set()
        for module in modules:
            recorder = _Asked()
            module.check(replace(self.named, engine=recorder, remote=None))
            by = _partitioned_by(module)
            readable = {"claims", "relations"} if by == RELATIONS else {"claims", "metrics"}
            if all(engines.names_of(e) <= readable for e in recorder.asked.values()):
                self.asked.setdefault(by, {}).update(recorder.asked)
                self.answerable.add(module.CODE)

    def context(self, pool):
        """A context whose engine holds the answers, its Spark jobs run in the pool's threads."""
        from checker.table import engines

        answers: dict = {}
        for found in [pool.submit(_answered_by_partition, by, queries, self.metrics)
                      for by, queries in self.asked.items()]:
            answers.update(found.result())
        # the rows all the answers name, fetched at once (each rule's Context.rows would fetch its own in a job)
        self.ctx.remote.named([row for answer in answers.values() for row in answer.to_pylist()])
        return replace(self.named, engine=_Answered(answers, engines.spark_session()))


class _Asked:
    """An engine that notes each query asked and answers it with no rows."""

    def __init__(self):
        self.asked: dict = {}

    def arrow(self, expr):
        from checker.table.engines import result_of

        table = expr.as_table()
        self.asked[table.op()] = table
        return result_of(expr, table.schema().to_pyarrow().empty_table())


class _Answered:
    """An engine whose answers the executors made; a query they were not asked, Spark answers (its SQL over
    the same views)."""

    def __init__(self, answers: dict, spark):
        self.answers, self.spark = answers, spark

    def arrow(self, expr):
        from checker.table import engines

        op = expr.as_table().op()
        found = self.answers.get(op)
        if found is None:
            found = self.spark.sql(engines.sql_of(op, "pyspark")).toArrow()
        return engines.result_of(expr, found)


def _answered_by_partition(by: str, queries: dict, metrics) -> dict:
    """Each query's answer (Arrow), from the claim table partitioned by a column (or RELATIONS), every
    partition's answers together, in the order the query asks."""
    import pyarrow as pa
    from pyspark.sql import functions as F

    from checker.table import engines

    ops = list(queries)
    sqls = tuple(engines.sql_of(op) for op in ops)
    from pyspark.sql.pandas.types import to_arrow_schema

    spark = engines.spark_session()
    claims = spark.table("claims")
    whole = to_arrow_schema(claims.schema).empty_table()
    read = engines.columns_read(queries.values(), "claims")
    if read is not None:  # the columns the queries read (and the row, that relations name), not quotes and notes
        claims = claims.select(*(c for c in claims.columns if c in read | {"row"}))
    # as many partitions as a shuffle has, never fewer: adaptive execution would merge small ones into one
    parts_of = int(spark.conf.get("spark.sql.shuffle.partitions"))
    if by == RELATIONS:
        rows = _relations_beside_claims(spark, claims, F).repartition(parts_of, F.col("owner"))
        edge_columns = tuple(spark.table("relations").columns)
    else:
        rows, edge_columns = claims.repartition(parts_of, F.col(by)), ()
    parts: dict[int, list] = {}
    # partition by partition (the next one fetched meanwhile): the driver's JVM never holds every answer at once
    for r in rows.mapInArrow(answer_partitions(sqls, _ipc(metrics), _ipc(whole), edge_columns),
                             "query int, result binary").toLocalIterator(prefetchPartitions=True):
        parts.setdefault(r["query"], []).append(pa.ipc.open_stream(bytes(r["result"])).read_all())
    out = {}
    for at, op in enumerate(ops):
        found = parts.get(at) or [queries[op].schema().to_pyarrow().empty_table()]
        out[op] = _in_order(pa.concat_tables(found, promote_options="default"), op)
    return out


def _in_order(table, op):
    """The partitions' rows of a query in the order the query asks (its ORDER BY of columns)."""
    import ibis.expr.operations as ops

    if not isinstance(op, ops.Sort) or not all(isinstance(k.arg, ops.Field) for k in op.keys):
        return table
    return table.sort_by([(k.arg.name, "ascending" if k.ascending else "descending") for k in op.keys])


def _relations_beside_claims(spark, claims, F):
    """Each relation's edges (columns e_…) and the claims it names, the claim stating it included (claim
    columns), each row with the claim stating it (`owner`): a claim comes once for each edge naming it (the
    executor keeps one; removing them here cost a shuffle)."""
    relations = spark.table("relations")
    named = relations.select(F.col("row").alias("owner"), F.col("member").alias("named")).union(
        relations.select(F.col("row").alias("owner"), F.col("row").alias("named")))
    beside = named.join(claims, named.named == claims.row).drop("named")
    edges = relations.select(F.col("row").alias("owner"), *(F.col(c).alias("e_" + c) for c in relations.columns))
    return beside.unionByName(edges, allowMissingColumns=True)


def answer_partitions(sqls: tuple, metrics: bytes, whole: bytes, edge_columns: tuple = ()):
    """What each partition of the claim table runs: every query over its rows, in DuckDB; each answer with rows
    comes back as Arrow streams (findings' rows: few). The partition holds the claim columns the queries read:
    the others (whole: the table's schema) are null, as the SQL names some that DuckDB then never reads. With
    edge_columns, the partition holds relations' edges (e_…) and the claims they name (see
    _relations_beside_claims): the tables `relations` and `claims`, each claim once."""

    def run(batches):
        import pyarrow as pa

        from checker.table import engines

        batches = [b for b in batches if b.num_rows]
        if not batches:
            return
        con = engines.cursor()
        try:
            claims = held = pa.Table.from_batches(batches)
            if edge_columns:
                con.register("held", held)
                beside = {"owner", *("e_" + c for c in edge_columns)}
                listed = ", ".join(f'"{c}"' for c in held.column_names if c not in beside)
                claims = con.sql(f'SELECT DISTINCT ON ("row") {listed} FROM held WHERE e_row IS NULL').to_arrow_table()
                con.execute("CREATE TEMP VIEW relations AS SELECT " + ", ".join(
                    f'"e_{c}" AS "{c}"' for c in edge_columns) + " FROM held WHERE e_row IS NOT NULL")
            con.register("claims", _with_nulls(claims, pa.ipc.open_stream(whole).schema))
            con.register("metrics", pa.ipc.open_stream(metrics).read_all())
            for at, sql in enumerate(sqls):
                for batch in con.sql(sql).to_arrow_table().to_batches(ANSWER_ROWS):
                    yield pa.RecordBatch.from_pydict({"query": pa.array([at], pa.int32()),
                                                      "result": pa.array([_ipc(batch)], pa.binary())})
        finally:
            con.close()

    return run


def _with_nulls(table, schema):
    """The table with every column of the schema it lacks, null."""
    import pyarrow as pa

    for column in schema:
        if column.name not in table.column_names:
            table = table.append_column(column, pa.nulls(len(table), column.type))
    return table


def _ipc(data) -> bytes:
    """An Arrow table or batch as an Arrow stream's bytes."""
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, data.schema) as writer:
        writer.write(data)
    return sink.getvalue().to_pybytes()


def _named_rows(result: list) -> set:
    """The rows a rule's result names: row, top_row … and lists of rows."""
    wanted = set()
    for d in result:
        for k, v in d.items():
            if type(v) is int and (k == "row" or k.endswith("_row")):
                wanted.add(v)
            elif isinstance(v, list) and (k.endswith("rows") or k in ("parts", "members")):
                wanted.update(x for x in v if type(x) is int)
    return wanted


class _Fetching(list):
    """A rule's result whose named rows are fetched a part at a time as the rule goes through it."""

    PART = 4096  # results: a part names few enough rows to stay in the cache while the rule reads them

    def __init__(self, result: list, records):
        super().__init__(result)
        self._records = records

    def __iter__(self):
        for start in range(0, len(self), self.PART):
            part = list.__getitem__(self, slice(start, start + self.PART))
            self._records.prefetch(_named_rows(part))
            yield from part


class SparkRecords:
    """The records as the driver sees them: only those asked for, fetched from the executors' rows by row.

    Rules name the rows of their findings (Context.rows fetches those of each result at once, and
    Context.in_batches a batch at a time); nothing else of the corpus comes to the driver.
    """

    KEPT = 1 << 16

    def __init__(self, rows, table, count: int, paths: list, ctx, tolerances):
        self._rows, self._table, self._count, self._paths, self._ctx = rows, table, count, paths, ctx
        self._tolerances = tolerances
        self._recent: OrderedDict = OrderedDict()  # row → (record, reading or None)
        self._lock = threading.RLock()  # rules run in threads (across_records) and share the rows fetched
        self.files = [(p, None) for p in paths]
        self.fetched = 0  # rows brought to the driver, all told

    def __len__(self) -> int:
        return self._count

    def paths(self) -> set:
        return set(self._paths)

    def __getitem__(self, row: int):
        return self._held(row)[0]

    def reading(self, row: int):
        from checker.table.readings import read_record

        rec, reading = self._held(row)
        if reading is None:
            reading = read_record(rec, self._ctx.units, self._ctx.docs, self._tolerances)
        return reading

    def _held(self, row: int):
        with self._lock:
            if row not in self._recent:
                self.prefetch([row])
            if row not in self._recent:
                raise IndexError(row)
            return self._recent[row]

    def prefetch(self, rows) -> None:
        """Fetch these rows, a job per KEPT/2 of them (joined with the rows wanted, streamed partition by
        partition: neither the driver's JVM nor its Python holds more than those rows)."""
        from pyspark.sql import functions as F

        with self._lock:
            wanted = sorted({int(r) for r in rows if r is not None and int(r) not in self._recent})
            spark = self._rows.sparkSession
            for start in range(0, len(wanted), self.KEPT // 2):
                chunk = spark.createDataFrame([(r,) for r in wanted[start:start + self.KEPT // 2]], "row long")
                for r in self._rows.join(F.broadcast(chunk), "row").select("row", "blob").toLocalIterator():
                    self._keep(r["row"], r["blob"])

    def _keep(self, row: int, blob) -> None:
        self.fetched += 1
        rec, reading = pickle.loads(bytes(blob))
        rec.row = row
        self._recent[row] = (rec, reading)
        if len(self._recent) > self.KEPT:
            self._recent.popitem(last=False)

    def named(self, result: list) -> list:
        """A rule's result, the rows it names (row, top_row … and lists of rows) fetched at once; a large one's
        a part at a time as the rule goes through it (_Fetching), so that no part's rows are gone from the
        cache before the rule reads them."""
        wanted = _named_rows(result)
        if len(wanted) <= self.KEPT // 2:
            self.prefetch(wanted)
            return result
        return _Fetching(result, self)

    def with_ignore(self):
        from pyspark.sql import functions as F

        for r in sorted(self._rows.filter(F.col("has_ignore")).select("row", "blob").collect(), key=lambda r: r["row"]):
            with self._lock:
                self._keep(r["row"], r["blob"])
                record = self._recent[r["row"]][0]
            yield record

    def rows_by_id(self, among=None) -> dict:
        from pyspark.sql import functions as F

        names = sorted({a for a in among or () if type(a) is str and a})
        if not names:
            return {}
        found = _among(self._rows, "id", "string", names).groupBy("id").agg(F.max("row").alias("row"))
        return {r["id"]: r["row"] for r in found.toLocalIterator()}

    def unsure_of(self, findings) -> object:
        """The rows holding guesses among the claims the findings name (Arrow: row, id, unsure)."""
        from pyspark.sql import functions as F

        names = {c for f in findings for c in f.claims}
        ids = sorted(n for n in names if not n.startswith("#"))
        rows = sorted(int(n[1:]) for n in names if n.startswith("#") and n[1:].isdigit())
        guessed = self._table.filter(F.col("unsure").isNotNull()).select("row", "id", "unsure")
        picked = _among(guessed, "id", "string", ids).unionByName(_among(guessed, "row", "long", rows)).distinct()
        return picked.orderBy("row").toArrow()

    def columns(self, names: tuple):
        """These columns of every claim, in row order (Arrow): for a report that shows every document whole."""
        return self._table.select("row", *names).orderBy("row").toArrow()

    def with_keys(self, keys: list, columns: tuple):
        """The claims whose (metric, entity, period, dimension) is one of keys (Arrow: the columns asked)."""
        spark = self._rows.sparkSession
        if not keys:
            return None
        wanted = spark.createDataFrame([list(k) for k in keys],
                                       "metric_key string, entity_key string, period string, dimension string")
        return self._table.join(wanted, ["metric_key", "entity_key", "period", "dimension"], "left_semi") \
            .select(*columns).toArrow()


def _among(frame, column: str, kind: str, values: list):
    """The rows of frame whose column holds one of values: a join, not an IN list (300,000 ids in one
    expression filled the driver's heap)."""
    wanted = frame.sparkSession.createDataFrame([(v,) for v in values] or [], f"{column} {kind}")
    return frame.join(wanted, column, "left_semi")


class SparkReadings:
    """Each row's reading, made on the driver from its fetched record (a derived figure's came with it)."""

    def __init__(self, records: SparkRecords):
        self._records = records

    def __len__(self) -> int:
        return len(self._records)

    def __getitem__(self, row: int):
        return self._records.reading(row)


def lint(settings, ctx, modules: list, texts) -> dict:
    """The document rules' findings by code, each document read and checked on an executor."""
    from checker.table import engines

    paths = list(texts)
    if not modules or not paths:
        return {m.CODE: [] for m in modules}
    spark = engines.spark_session(settings.spark)
    plan = Plan(settings.rules, settings.docs, settings.tolerances, (), (), dict(ctx.severities), settings.limits,
                tuple(m.CODE for m in modules))
    # the paths' numbers, not the paths: a frame made from Python rows needs Python workers of its own to start
    frame = spark.range(len(paths), numPartitions=min(len(paths), max(spark.sparkContext.defaultParallelism * 2, 1)))
    out: dict = {m.CODE: [] for m in modules}
    for r in frame.mapInArrow(lint_batches(plan, paths), "code string, blob binary").collect():
        if r["code"] == FATAL:
            raise SparkInputError(bytes(r["blob"]).decode())
        out[r["code"]].append(pickle.loads(bytes(r["blob"])))
    return out
