"""Where the relational rules run: the same ibis expressions on two engines.

The rules build ibis expressions (checker.rules.shared.relational) and never name an
engine; this module connects the backend that holds the tables. DuckDB is
embedded and needs nothing and holds Arrow tables made in this process; on
Spark the tables are DataFrames the executors made (checker.run.distributed),
on a local session or on a cluster.
"""
from __future__ import annotations

import os
import sys
import warnings

from checker.load.settings import ENGINES  # noqa: F401 (the names of the engines this module connects)


def _quiet_pyspark() -> None:
    """pandera imports pyspark.pandas when pyspark is installed, and pyspark warns about pandas 3 on import:
    noise for every engine, not a finding. Silenced when an engine connects, not when this module loads."""
    warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas", FutureWarning)


class EngineError(Exception):
    """The chosen engine cannot be started (missing package, no Java, bad master)."""


def tables(claims, edges, metrics):
    """The claim, relation and metric tables (Arrow) as ibis tables on DuckDB."""
    import ibis

    con = connect("duckdb")
    # Views over the Arrow tables: DuckDB scans them where they are (no second copy of a million claims)
    return tuple(con.create_view(name, ibis.memtable(data), overwrite=True)
                 for name, data in (("claims", claims), ("relations", edges), ("metrics", metrics)))


def duckdb():
    """The duckdb module, loaded so that its allocator gives freed memory back at once.

    DuckDB's allocator keeps freed memory for ten seconds by default; a check runs its queries one after
    another, so each one's peak would add up (400 MB more at a million claims when the module was first
    loaded elsewhere). The setting is read when DuckDB loads; a user's own setting wins.
    """
    os.environ.setdefault("DUCKDB_JE_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")
    import duckdb as module

    return module


# An expression's SQL, by the expression's structure, schema and backend: the rules build the same expressions
# on every run, and a process that checks again and again (claimcheck review) compiles each once. Keyed by
# numbers, so that no expression (and the tables its backend holds) is kept alive by the cache.
_COMPILED: dict[tuple, str] = {}


def arrow_of(expr):
    """The expression's result as an Arrow table, its SQL compiled once per process on DuckDB."""
    backend = expr._find_backend(use_default=True)  # an expression over memtables alone runs on DuckDB
    if getattr(backend, "name", "") != "duckdb":
        return expr.to_pyarrow()
    from ibis.backends.duckdb.converter import DuckDBPyArrowData

    backend._run_pre_execute_hooks(expr)
    table = expr.as_table()
    key = (hash(table), tuple(table.schema().items()))
    sql = _COMPILED.get(key)
    if sql is None:
        sql = _COMPILED[key] = backend.compile(table)
    return expr.__pyarrow_result__(backend.con.sql(sql).to_arrow_table(), data_mapper=DuckDBPyArrowData)


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
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise EngineError("the spark engine needs pyspark: pip install 'claimcheck[spark]'") from None
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    conf = dict(conf or {})
    # The executors run claimcheck's own code (checker.run.distributed): in this very Python, unless told otherwise
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("claimcheck")
    remote = os.environ.get("SPARK_REMOTE")
    if remote:
        _answers(remote, 15002)
        builder = builder.remote(remote)
    else:
        _java()
        master = conf.pop("spark.master", None) or os.environ.get("CLAIMCHECK_SPARK_MASTER") or _configured_master()
        for url in master.split(",") if master.startswith("spark://") else ():
            _answers(url if url.startswith("spark://") else "spark://" + url, 7077)
        builder = (builder.master(master).config("spark.ui.enabled", "false")
                   .config("spark.ui.showConsoleProgress", "false").config("spark.log.level", "ERROR")
                   .config("spark.sql.shuffle.partitions", os.environ.get("CLAIMCHECK_SPARK_PARTITIONS", "4")))
    for key, value in conf.items():
        builder = builder.config(key, str(value))
    try:
        session = builder.getOrCreate()
    except Exception as exc:  # py4j raises many kinds
        raise EngineError(f"cannot start Spark: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    if not remote:
        # Spark's advice about single-partition windows is about ibis's own plans; findings are the report.
        session.sparkContext.setLogLevel(os.environ.get("CLAIMCHECK_SPARK_LOG", "ERROR"))
    return session


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
    import re
    import shlex

    args = shlex.split(os.environ.get("PYSPARK_SUBMIT_ARGS", ""))
    if "--master" in args[:-1]:
        return args[args.index("--master") + 1]
    folder = os.environ.get("SPARK_CONF_DIR") or os.path.join(os.environ.get("SPARK_HOME", ""), "conf")
    try:
        with open(os.path.join(folder, "spark-defaults.conf"), encoding="utf-8") as defaults:
            for line in defaults:
                found = re.match(r"^\s*spark\.master\s+(\S+)", line)
                if found:
                    return found.group(1)
    except OSError:
        pass
    return "local[2]"


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
