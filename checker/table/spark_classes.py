"""Spark's JVM on a local master starts from an archive of the classes it loads (Java's class-data sharing).

A check's JVM loads and verifies thousands of classes from Spark's jars as it starts and as it plans its first
queries: a fifth of the JVM's CPU samples in a 100,000-claim check on local[2]. Java can map the classes of an
earlier run from an archive instead (AppCDS, Java 13 and later): the first Spark check on a machine writes one as
its JVM exits, and every later check starts from it, 3 to 4 s sooner.

The archive belongs to one Java and one Spark: its name says which, and the JVM itself refuses one that does not
match them (and then starts as it would without). It is written under a name of its own and renamed only once the
JVM has exited cleanly, so no run ever reads half an archive. CLAIMCHECK_SPARK_CLASSES=off makes and uses none;
any other value is the folder to keep it in (default: the user's cache folder).
"""
from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import sys
from pathlib import Path

SETTING = "CLAIMCHECK_SPARK_CLASSES"
# The JVM reports every class it leaves out of an archive (signed jars, old class files): not the user's business
SILENT = ("-Xlog:cds=off", "-Xlog:cds+dynamic=off")
WAIT_FOR_ARCHIVE = 120  # seconds the first run waits, as it ends, for its JVM to write the archive
WRITE = "-XX:ArchiveClassesAtExit="
PART = ".part"  # the archive being written: its final name, the writing process and this
_AWAITED: set = set()  # the archives this process's JVM writes and its end waits for (once each)


def java_options() -> list[str]:
    """The JVM options that start from the archive, or write it at exit when there is none yet."""
    archive = archive_in_use()
    if archive is None:
        return []
    if archive.is_file() and archive.stat().st_size:
        return [f"-XX:SharedArchiveFile={archive}", *SILENT]
    try:
        archive.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return []  # a cache folder that cannot be made: start as before
    _drop_abandoned(archive)
    return [f"{WRITE}{archive}.{os.getpid()}{PART}", *SILENT]


def keep_when_written(session, options: list[str]) -> None:
    """When the JVM was started with options that write the archive: stop it as the run ends and keep the
    archive it writes."""
    for option in options:
        writing = Path(option[len(WRITE):])
        if option.startswith(WRITE) and writing not in _AWAITED:  # once per path: a session started again names it too
            _AWAITED.add(writing)
            atexit.register(_finish, session, writing, writing.with_name(writing.name.rsplit(".", 2)[0]))


def _drop_abandoned(archive: Path) -> None:
    """Archives a run began to write and never finished (its process is gone): each is as large as an archive."""
    for part in archive.parent.glob(f"{archive.name}.*{PART}"):
        pid = part.name[len(archive.name) + 1:-len(PART)]
        if pid.isdigit() and not _running(int(pid)):
            part.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # there, but another user's
    return True


def _finish(session, writing: Path, archive: Path) -> None:
    proc = getattr(session.sparkContext._gateway, "proc", None)
    try:
        try:
            session.stop()
        finally:
            if proc is not None:
                print(f"claimcheck: Spark's JVM is writing its class archive, once, so that later runs start sooner: "
                      f"{archive}", file=sys.stderr, flush=True)
                proc.stdin.close()  # the JVM exits when its input ends, and writes the archive as it does
                proc.wait(WAIT_FOR_ARCHIVE)
        if proc is not None and proc.returncode == 0 and writing.is_file() and writing.stat().st_size:
            os.replace(writing, archive)
    except Exception:  # noqa: BLE001 (an archive is only an optimisation: the run's own outcome stands)
        pass
    finally:
        writing.unlink(missing_ok=True)


def archive_in_use() -> Path | None:
    """The archive a local Spark run starts from, or writes when it is not there; None when runs use none."""
    chosen = os.environ.get(SETTING, "")
    if chosen.lower() in ("off", "0", "false", "no"):
        return None
    if chosen:
        folder = Path(chosen)
    else:
        folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimcheck"
    return folder / f"spark-classes-{_build_key()}.jsa"


def _build_key() -> str:
    """Which Java and which Spark: the java program's real path and its file's date, and pyspark's version and
    place (its jars are the class path)."""
    import pyspark

    java = os.environ.get("JAVA_HOME") and os.path.join(os.environ["JAVA_HOME"], "bin", "java")
    java = os.path.realpath(java or shutil.which("java") or "java")
    try:
        dated = os.stat(java).st_mtime_ns
    except OSError:
        dated = 0
    named = f"{java}|{dated}|{pyspark.__version__}|{os.path.dirname(pyspark.__file__)}"
    return hashlib.sha256(named.encode()).hexdigest()[:16]
