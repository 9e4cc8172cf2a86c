"""Where the relational rules run: the same ibis expressions on two engines.

The rules build ibis expressions (checker.rules.shared.relational) and never name an
engine; this module connects the backend that holds the tables. DuckDB is
embedded and needs nothing and holds Arrow tables made in this process; on
Spark the tables are DataFrames the executors made (checker.run.distributed),
on a local session or on a cluster.
"""
from __future__ import annotations

import functools
import os
import shlex
import sys
import threading
import warnings
from pathlib import Path

from checker.load.settings import ENGINES  # noqa: F401 (the names of the engines this module connects)
from checker.table import spark_classes

DRIVER_JAVA_OPTIONS = "spark.driver.extraJavaOptions"
QUIET_LOG = Path(__file__).resolve().parent.parent / "data" / "spark-log4j2.properties"  # errors only
# A check is a short-lived JVM: its second JIT compiler (C2) spent 17 of the 45 CPU seconds of a 100,000-claim run
# on local[2], optimising code the run barely used again; the first compiler alone runs it in 31 s instead of 40
QUICK_JIT = "-XX:TieredStopAtLevel=1"


def _quiet_pyspark() -> None:
    """pandera imports pyspark.pandas when pyspark is installed, and pyspark warns about pandas 3 on import:
    noise for every engine, not a finding. Silenced when an engine connects, not when this module loads."""
    warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas", FutureWarning)


class EngineError(Exception):
    """The chosen engine cannot be started (missing package, no Java, bad master)."""


def tables(claims, edges, metrics):
    """The claim, relation and metric tables (Arrow) held by a new embedded engine: (engine, the three tables)."""
    engine = Embedded()
    return (engine, *(engine.hold(name, data)
                      for name, data in (("claims", claims), ("relations", edges), ("metrics", metrics))))


class Embedded:
    """A run's tables in DuckDB, on a connection of the run's own, and the rules' expressions run there.

    The tables it gives the rules name their data (ibis.table(schema, name)) rather than hold it, so a
    rule's expression is the same for every run whose tables have the same columns: built once a
    process (built_once) and compiled once (sql_of), while each run's connection binds the names to its
    own Arrow tables. Building and compiling the expressions had been two thirds of a small check.
    """

    def __init__(self):
        _quiet_pyspark()  # pandera, which reports a failing schema, imports pyspark's pandas layer when it can
        self.con = cursor()

    def hold(self, name: str, data):
        """The Arrow table data, under name: an ibis table naming it (DuckDB scans the Arrow where it is)."""
        import ibis

        self.con.register(name, data)
        return ibis.table(ibis.Schema.from_pyarrow(data.schema), name=name)

    def arrow(self, expr):
        """The result of an expression over this engine's tables, as Arrow (a table, a column or a scalar)."""
        return result_of(expr, self.con.sql(sql_of(expr.as_table().op())).to_arrow_table())


def result_of(expr, found):
    """What DuckDB found for an expression (an Arrow table) as the expression's result: its types, and a
    column or a scalar for an expression that is one."""
    from ibis.backends.duckdb.converter import DuckDBPyArrowData

    return expr.__pyarrow_result__(found, data_mapper=DuckDBPyArrowData)


@functools.lru_cache(maxsize=1024)
def sql_of(op, dialect: str = "duckdb") -> str:
    """The SQL of an expression over named tables (its op), by its structure: the tables it names and their
    columns."""
    import ibis

    return str(ibis.to_sql(op.to_expr(), dialect=dialect))


def names_of(expr) -> set[str]:
    """The names of the tables an expression over named tables reads."""
    import ibis.expr.operations as ops

    return {table.name for table in expr.op().find(ops.UnboundTable)}


def built_once(build):
    """An expression builder whose expressions over named tables (Embedded.hold) are built once a process
    for each set of arguments: the same columns give the same expression. Over tables an engine holds
    (Spark's), it builds anew each time, so no cache keeps a session's tables alive."""

    @functools.lru_cache(maxsize=64)
    def by_names(*key):
        return build(*(k.to_expr() if _is_named(k) else k for k in key))

    @functools.wraps(build)
    def building(*args):
        import ibis.expr.types as ir

        tables = [a for a in args if isinstance(a, ir.Table)]
        if tables and all(_is_named(t.op()) for t in tables):
            return by_names(*(a.op() if isinstance(a, ir.Table) else a for a in args))
        return build(*args)

    return building


def _is_named(op) -> bool:
    import ibis.expr.operations as ops

    return isinstance(op, ops.UnboundTable)


def columns_read(exprs, name: str) -> set[str] | None:
    """The columns of the named table that the expressions read, as DuckDB's optimiser prunes them: each is
    planned over empty tables of the same columns, and the plan's scans name the columns they read (a
    column a query carries along and then drops is not read). None when a plan does not say."""
    import json

    import ibis.expr.operations as ops

    tables = {t.name: t.schema for e in exprs for t in e.op().find(ops.UnboundTable)}
    con = cursor()
    try:
        for named, schema in tables.items():
            con.register(named, schema.to_pyarrow().empty_table())
        read: set[str] = set()
        for expr in exprs:
            plan = json.loads(con.sql("EXPLAIN (FORMAT JSON) " + sql_of(expr.op())).fetchall()[0][1])
            scans = [node for node in _nodes(plan) if str(node.get("name", "")).endswith("ARROW_SCAN")]
            if not scans:
                return None  # planned away, or a plan of a kind not known here
            for scan in scans:
                columns = scan.get("extra_info", {}).get("Projections")
                if columns is None:
                    return None
                read.update([columns] if isinstance(columns, str) else columns)
    finally:
        con.close()
    return read & set(tables[name].names) if name in tables else set()


def _nodes(plan):
    """Every node of a DuckDB plan (EXPLAIN's JSON)."""
    for node in plan if isinstance(plan, list) else [plan]:
        yield node
        yield from _nodes(node.get("children", []))


_DATABASE: list = []  # (process id, the process's DuckDB database)
_OPENING = threading.Lock()


def cursor():
    """A connection of its own to this process's in-memory DuckDB database: the tables registered and made
    on it are its own. A new database costs 30 ms, a cursor on one microseconds; a forked child (which
    cannot use its parent's) opens its own."""
    with _OPENING:
        if not _DATABASE or _DATABASE[0][0] != os.getpid():
            _DATABASE[:] = [(os.getpid(), duckdb().connect())]
        return _DATABASE[0][1].cursor()


def duckdb():
    """The duckdb module, loaded so that its allocator gives freed memory back at once.

    DuckDB's allocator keeps freed memory for ten seconds by default; a check runs its queries one after
    another, so each one's peak would add up (400 MB more at a million claims when the module was first
    loaded elsewhere). The setting is read when DuckDB loads; a user's own setting wins.
    """
    os.environ.setdefault("DUCKDB_JE_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")
    import duckdb as module

    return module


def connect(engine: str, spark: dict | None = None):
    duckdb()
    _quiet_pyspark()
    import ibis

    if engine == "duckdb":
        return ibis.duckdb.connect()
    if engine == "spark":
        return ibis.pyspark.connect(spark_session(spark))
    raise EngineError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")


def spark_session(conf: dict | None = None):
    """The active Spark session, or a new one.

    SPARK_REMOTE (sc://host:15002) uses Spark Connect. Otherwise the master is spark.master of the
    [tool.claimcheck.spark] settings, else CLAIMCHECK_SPARK_MASTER, else what Spark's own configuration
    names (spark-defaults.conf in SPARK_CONF_DIR, --master in PYSPARK_SUBMIT_ARGS), else local[2]. The other
    settings of the table are passed to Spark as they are. A master or a Connect server that does not
    answer, or Java missing, is an error at once: Spark itself would retry for a minute first.
    """
    _quiet_pyspark()
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise EngineError("the spark engine needs pyspark: pip install 'claimcheck[spark]'") from None
    global _STARTED
    # A session is active per thread (the JVM keeps it so): the runner's other threads get the one this process
    # started, not a builder's pass that would set its options again over settings made since
    active = SparkSession.getActiveSession() or _running(_STARTED)
    if active is not None:
        return active
    conf = dict(conf or {})
    # The executors run claimcheck's own code (checker.run.distributed): in this very Python, unless told otherwise
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("claimcheck")
    remote, options = os.environ.get("SPARK_REMOTE"), []
    if remote:
        _answers(remote, 15002)
        builder = builder.remote(remote)
    else:
        _java()
        master = conf.pop("spark.master", None) or os.environ.get("CLAIMCHECK_SPARK_MASTER") or _configured_master()
        for url in master.split(",") if master.startswith("spark://") else ():
            _answers(url if url.startswith("spark://") else "spark://" + url, 7077)
        builder = (builder.master(master).config("spark.ui.enabled", "false")
                   .config("spark.ui.showConsoleProgress", "false")
                   .config("spark.sql.shuffle.partitions", os.environ.get("CLAIMCHECK_SPARK_PARTITIONS", "4")))
        options = _own_java_options(conf, master)
        if options:
            builder = builder.config(DRIVER_JAVA_OPTIONS, " ".join(shlex.quote(o) for o in options))  # Spark splits as a shell
        if not any(o.startswith("-Dlog4j2") for o in options):
            builder = builder.config("spark.log.level", "ERROR")
    for key, value in conf.items():
        builder = builder.config(key, str(value))
    try:
        session = builder.getOrCreate()
    except Exception as exc:  # py4j raises many kinds
        raise EngineError(f"cannot start Spark: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    spark_classes.keep_when_written(session, options)
    _STARTED = session
    if not remote:
        # Spark's advice about single-partition windows is about ibis's own plans; findings are the report.
        session.sparkContext.setLogLevel(os.environ.get("CLAIMCHECK_SPARK_LOG", "ERROR"))
    return session


_STARTED = None  # the session spark_session started in this process


def _running(session):
    """The session, unless it was stopped since."""
    if session is None:
        return None
    context = getattr(session, "_sc", None)  # a classic session's SparkContext; Spark Connect has none
    if context is not None:
        return session if context._jsc is not None else None
    return None if getattr(session, "is_stopped", False) else session


def failure(exc: Exception) -> str | None:
    """What went wrong inside Spark, in one line, or None when exc is not Spark's.

    py4j's message starts with "An error occurred while calling o78.getResult" and the JVM's stack; the
    cause worth reading is the innermost `Caused by:` (a stage aborted, a task's result lost, Java heap
    space), else the first exception line.
    """
    import re

    if not type(exc).__module__.startswith(("py4j", "pyspark")):
        return None
    text = str(exc)
    causes = re.findall(r"^Caused by: (?:[\w.$]+\.)?(\w+(?:Exception|Error)): (.+)$", text, re.M)
    thrown = re.findall(r"^:? ?(?:[\w.$]+\.)?(\w+(?:Exception|Error)): (.+)$", text, re.M)
    found = causes or thrown
    if found:
        kind, message = found[-1] if causes else found[0]
        return f"{kind}: {message.strip()}"[:500]
    return next((line.strip() for line in text.splitlines() if line.strip()), type(exc).__name__)[:500]


def _configured_master() -> str:
    """The master Spark's own configuration names, else local[2]."""
    import shlex

    args = shlex.split(os.environ.get("PYSPARK_SUBMIT_ARGS", ""))
    if "--master" in args[:-1]:
        return args[args.index("--master") + 1]
    return _spark_defaults().get("spark.master", "local[2]")


def _spark_conf_dir() -> str:
    return os.environ.get("SPARK_CONF_DIR") or os.path.join(os.environ.get("SPARK_HOME", ""), "conf")


def _spark_defaults() -> dict:
    """The settings of spark-defaults.conf in Spark's configuration folder (none when there is none)."""
    import re

    found = {}
    try:
        with open(os.path.join(_spark_conf_dir(), "spark-defaults.conf"), encoding="utf-8") as defaults:
            for line in defaults:
                pair = re.match(r"^\s*(spark\.\S+)\s+(\S.*?)\s*$", line)
                if pair:
                    found[pair.group(1)] = pair.group(2)
    except OSError:
        pass
    return found


def _own_java_options(conf: dict, master: str) -> list[str]:
    """The Java options claimcheck starts Spark's JVM with, when no setting of the run, of spark-defaults.conf or
    of PYSPARK_SUBMIT_ARGS gives the driver Java options: its quiet log (errors only from the JVM's start on),
    unless Spark's configuration folder has a log setup of its own; and on a local master, where the tasks run
    in that JVM too, the quick JIT (QUICK_JIT) and the class archive (checker.table.spark_classes)."""
    if DRIVER_JAVA_OPTIONS in conf or DRIVER_JAVA_OPTIONS in _spark_defaults():
        return []
    submitted = os.environ.get("PYSPARK_SUBMIT_ARGS", "")
    if "driver-java-options" in submitted or DRIVER_JAVA_OPTIONS in submitted or "log4j" in submitted:
        return []
    options = [QUICK_JIT, *spark_classes.java_options()] if master.startswith("local") else []
    if not any(os.path.exists(os.path.join(_spark_conf_dir(), name))
               for name in ("log4j2.properties", "log4j2.xml", "log4j2.yaml")):
        options.append(f"-Dlog4j2.configurationFile={QUIET_LOG.as_uri()}")
    return options


def _answers(url: str, port: int, seconds: float = 3.0) -> None:
    """A Spark master or Connect server accepts connections, or EngineError saying it does not."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    host, number = parts.hostname or "localhost", parts.port or port
    try:
        with socket.create_connection((host, number), timeout=seconds):
            return
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise EngineError(f"the Spark {'Connect server' if url.startswith('sc://') else 'master'} {url} does not "
                          f"answer ({reason}): start it, or name another in spark.master "
                          "([tool.claimcheck.spark]) or SPARK_REMOTE") from None


def _java() -> None:
    import shutil

    if not os.environ.get("JAVA_HOME") and shutil.which("java") is None:
        raise EngineError("the spark engine needs Java 17 or newer, and none was found: install a JRE "
                          "(Debian: default-jre-headless) or set JAVA_HOME")
