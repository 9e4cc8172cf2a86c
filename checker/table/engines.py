"""Where the relational rules run: the same ibis expressions on two engines.

The rules build ibis expressions (checker.rules.shared.relational) and never name an
engine; this module only decides which backend holds the three tables.
DuckDB is embedded and needs nothing; Spark runs the very same expressions
through pyspark, on a local session or on a cluster.
"""
from __future__ import annotations

import os
import warnings

from checker.load.settings import ENGINES  # noqa: F401 (the names of the engines this module connects)


def _quiet_pyspark() -> None:
    """pandera imports pyspark.pandas when pyspark is installed, and pyspark warns about pandas 3 on import:
    noise for every engine, not a finding. Silenced when an engine connects, not when this module loads."""
    warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas", FutureWarning)


class EngineError(Exception):
    """The chosen engine cannot be started (missing package, no Java, bad master)."""


def tables(engine: str, claims, edges, metrics):
    """The claim, relation and metric tables (Arrow) loaded into the engine, as ibis tables."""
    import ibis

    con = connect(engine)
    # Views over the Arrow tables: DuckDB scans them where they are (no second copy of a million claims),
    # and nothing is written to a Spark warehouse.
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


def connect(engine: str):
    duckdb()
    _quiet_pyspark()
    import ibis

    if engine == "duckdb":
        return ibis.duckdb.connect()
    if engine == "spark":
        return ibis.pyspark.connect(spark_session())
    raise EngineError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")


def spark_session():
    """The active Spark session, or a new one.

    SPARK_REMOTE (sc://host:15002) uses Spark Connect; otherwise CLAIMCHECK_SPARK_MASTER
    (spark://host:7077, yarn, local[4], …) or local[2]. Anything else a cluster
    needs comes from Spark's own configuration (spark-defaults.conf, SPARK_CONF_DIR).
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise EngineError("the spark engine needs pyspark: pip install 'claimcheck[spark]'") from None
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    builder = SparkSession.builder.appName("claimcheck")
    if os.environ.get("SPARK_REMOTE"):
        builder = builder.remote(os.environ["SPARK_REMOTE"])
    else:
        builder = (builder.master(os.environ.get("CLAIMCHECK_SPARK_MASTER", "local[2]"))
                   .config("spark.ui.enabled", "false")
                   .config("spark.sql.shuffle.partitions", os.environ.get("CLAIMCHECK_SPARK_PARTITIONS", "4")))
    try:
        session = builder.getOrCreate()
    except Exception as exc:  # Java missing or the master unreachable: py4j raises many kinds
        raise EngineError(f"cannot start Spark: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    if not os.environ.get("SPARK_REMOTE"):
        # Spark's advice about single-partition windows is about ibis's own plans; findings are the report.
        session.sparkContext.setLogLevel(os.environ.get("CLAIMCHECK_SPARK_LOG", "ERROR"))
    return session
