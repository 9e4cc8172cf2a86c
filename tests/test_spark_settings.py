"""--engine spark fails at once, with a clear message, when Spark cannot run (issue #26), and takes its settings
from [tool.claimcheck.spark]. No JVM is started: the master is refused before Spark would retry for a minute."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import GOOD_RECORD, ROOT, SPARK_TEST_ARGS, inside, workspace

from checker.load import settings as config

DOC = "区域内就诊率由2020年的88.6%提升到93.4%。\n"


def check_in_a_process(folder, *args, **env):
    """claimcheck in a process of its own: no Spark session of another test is active there."""
    return subprocess.run([sys.executable, "-m", "checker", "check", *args, "--engine", "spark", "--no-cache"],
                          cwd=folder, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **env})


def test_an_unreachable_master_ends_the_run_with_exit_2_within_seconds(tmp_path):
    c, d, r = workspace(tmp_path, {"claims": GOOD_RECORD, "docs": {"d.txt": DOC}})
    start = time.monotonic()
    out = check_in_a_process(tmp_path, str(c), "--docs", str(d), "--rules", str(r),
                             CLAIMCHECK_SPARK_MASTER="spark://127.0.0.1:9")
    took = time.monotonic() - start
    assert out.returncode == 2 and "spark://127.0.0.1:9 does not answer" in out.stderr, out.stderr
    assert "Traceback" not in out.stderr and took < 60  # Spark alone would retry the master for over a minute


@pytest.mark.spark
def test_a_failure_inside_spark_ends_the_run_with_exit_2_and_its_cause(tmp_path):
    """A job that fails mid-run (here every result is larger than the driver accepts) ends the run at once,
    naming Spark's own cause, never hanging and never a traceback."""
    c, d, r = workspace(tmp_path, {"claims": GOOD_RECORD, "docs": {"d.txt": DOC}})
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck.spark]\n"spark.driver.maxResultSize" = "1k"\n',
                                             encoding="utf-8")
    start = time.monotonic()
    out = check_in_a_process(tmp_path, str(c), "--docs", str(d), "--rules", str(r), PYSPARK_SUBMIT_ARGS=SPARK_TEST_ARGS)
    took = time.monotonic() - start
    assert out.returncode == 2, out.stderr
    assert "claimcheck: error: Spark failed: SparkException: Job aborted" in out.stderr, out.stderr[-2000:]
    assert "Traceback" not in out.stderr and took < 100


def test_the_spark_table_of_the_configuration_reaches_spark(tmp_path):
    c, d, r = workspace(tmp_path, {"claims": GOOD_RECORD, "docs": {"d.txt": DOC}})
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck.spark]\n"spark.master" = "spark://127.0.0.1:9"\n'
                                             '"spark.driver.memory" = "1g"\n', encoding="utf-8")
    with inside(tmp_path):
        resolved = config.resolve({})
    out = check_in_a_process(tmp_path, str(c), "--docs", str(d), "--rules", str(r))
    assert resolved.spark == {"spark.master": "spark://127.0.0.1:9", "spark.driver.memory": "1g"}
    assert out.returncode == 2 and "spark://127.0.0.1:9 does not answer" in out.stderr, out.stderr


def test_a_key_that_is_no_spark_setting_is_refused(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck.spark]\nmaster = "local[2]"\n', encoding="utf-8")
    with inside(tmp_path), pytest.raises(config.SettingsError, match="not a Spark setting"):
        config.resolve({})


def test_the_master_of_spark_submit_arguments_or_spark_defaults_is_used(tmp_path, monkeypatch):
    from checker.table import engines

    monkeypatch.delenv("CLAIMCHECK_SPARK_MASTER", raising=False)
    monkeypatch.setenv("PYSPARK_SUBMIT_ARGS", "--master spark://cluster:7077 --driver-memory 1g pyspark-shell")
    assert engines._configured_master() == "spark://cluster:7077"
    monkeypatch.delenv("PYSPARK_SUBMIT_ARGS")
    (tmp_path / "spark-defaults.conf").write_text("spark.driver.memory 2g\nspark.master   yarn\n", encoding="utf-8")
    monkeypatch.setenv("SPARK_CONF_DIR", str(tmp_path))
    assert engines._configured_master() == "yarn"
    monkeypatch.setenv("SPARK_CONF_DIR", str(tmp_path / "none"))
    monkeypatch.setenv("SPARK_HOME", str(tmp_path / "none"))
    assert engines._configured_master() == "local[2]"


def test_spark_starts_quietly_and_quickly_unless_the_user_set_its_java_options_or_log(tmp_path, monkeypatch):
    from checker.table import engines

    monkeypatch.delenv("PYSPARK_SUBMIT_ARGS", raising=False)
    monkeypatch.setenv("SPARK_CONF_DIR", str(tmp_path))
    monkeypatch.setenv("CLAIMCHECK_SPARK_CLASSES", "off")  # the class archive has a test of its own
    quiet = f"-Dlog4j2.configurationFile={engines.QUIET_LOG.as_uri()}"
    assert engines._own_java_options({}, "local[2]") == [engines.QUICK_JIT, quiet]
    assert engines._own_java_options({}, "spark://cluster:7077") == [quiet]  # the tasks run in other JVMs
    assert "rootLogger.level = error" in engines.QUIET_LOG.read_text(encoding="utf-8")  # shipped with the package
    assert engines._own_java_options({"spark.driver.extraJavaOptions": "-Dx=1"}, "local[2]") == []  # the run's own
    monkeypatch.setenv("PYSPARK_SUBMIT_ARGS", SPARK_TEST_ARGS)  # --driver-java-options
    assert engines._own_java_options({}, "local[2]") == []
    monkeypatch.delenv("PYSPARK_SUBMIT_ARGS")
    (tmp_path / "spark-defaults.conf").write_text("spark.driver.extraJavaOptions  -Dy=2\n", encoding="utf-8")
    assert engines._own_java_options({}, "local[2]") == []
    (tmp_path / "spark-defaults.conf").unlink()
    (tmp_path / "log4j2.properties").write_text("rootLogger.level = info\n", encoding="utf-8")
    assert engines._own_java_options({}, "local[2]") == [engines.QUICK_JIT]  # the cluster's own log setup


def test_a_local_jvm_writes_its_class_archive_once_and_starts_from_it_after(tmp_path, monkeypatch):
    from checker.table import engines

    monkeypatch.delenv("PYSPARK_SUBMIT_ARGS", raising=False)
    monkeypatch.setenv("SPARK_CONF_DIR", str(tmp_path / "conf"))
    monkeypatch.setenv("CLAIMCHECK_SPARK_CLASSES", str(tmp_path / "cache"))
    writing = engines._own_java_options({}, "local[2]")
    part = [o.split("=", 1)[1] for o in writing if o.startswith("-XX:ArchiveClassesAtExit=")]
    assert len(part) == 1 and part[0].endswith(".part") and (tmp_path / "cache").is_dir()
    assert not any("SharedArchiveFile" in o for o in writing)
    assert not any("Archive" in o for o in engines._own_java_options({}, "spark://cluster:7077"))
    archive = Path(part[0][:part[0].rindex(".jsa.") + 4])
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    abandoned = archive.with_name(f"{archive.name}.{ended.stdout.strip()}.part")  # its run is gone
    abandoned.write_bytes(b"half")
    Path(part[0]).write_bytes(b"being written")  # by this very process
    engines._own_java_options({}, "local[2]")
    assert not abandoned.exists() and Path(part[0]).exists()
    archive.write_bytes(b"classes")
    assert f"-XX:SharedArchiveFile={archive}" in engines._own_java_options({}, "local[2]")
    monkeypatch.setenv("CLAIMCHECK_SPARK_CLASSES", "off")
    assert not any("Archive" in o for o in engines._own_java_options({}, "local[2]"))


@pytest.mark.parametrize("exit_code, kept", [(0, True), (1, False)])
def test_the_class_archive_is_kept_only_when_the_jvm_wrote_it_and_exited_cleanly(tmp_path, exit_code, kept):
    """A stand-in JVM that writes its archive when its input ends, as Java does with ArchiveClassesAtExit."""
    import subprocess
    import sys
    from types import SimpleNamespace

    from checker.table import spark_classes

    part, archive = tmp_path / "a.jsa.1.part", tmp_path / "a.jsa"
    writes = f"import sys; sys.stdin.read(); open({str(part)!r}, 'wb').write(b'classes'); sys.exit({exit_code})"
    proc = subprocess.Popen([sys.executable, "-c", writes], stdin=subprocess.PIPE)
    stopped = []
    session = SimpleNamespace(sparkContext=SimpleNamespace(_gateway=SimpleNamespace(proc=proc)),
                              stop=lambda: stopped.append(True))
    spark_classes._finish(session, part, archive)
    assert stopped == [True] and proc.returncode == exit_code
    assert archive.is_file() is kept and not part.exists()


def test_the_end_of_the_run_waits_once_for_the_archive_however_many_threads_asked_for_the_session(tmp_path,
                                                                                                  monkeypatch):
    from checker.table import spark_classes

    waits = []
    monkeypatch.setattr(spark_classes.atexit, "register", lambda *args: waits.append(args))
    options = [f"{spark_classes.WRITE}{tmp_path / 'spark-classes-k.jsa'}.7.part", *spark_classes.SILENT]
    for _ in range(3):  # the lint thread, the load and the rule threads each ask for the session
        spark_classes.keep_when_written(object(), options)
    spark_classes.keep_when_written(object(), list(spark_classes.SILENT))  # an archive read, not written
    assert [args[2:] for args in waits] == [(tmp_path / "spark-classes-k.jsa.7.part", tmp_path / "spark-classes-k.jsa")]
