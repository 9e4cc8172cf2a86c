"""claimcheck as a pre-commit hook, run by pre-commit itself in a scratch repository.

The scratch repository's .pre-commit-config.yaml points at this checkout and
its current commit, so pre-commit clones it locally and builds the hook's
environment once; its dependencies come from the package index like any install.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

GOOD = ('- {id: a, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, '
        'source: {doc: d.txt, line: 1, quote: 提升到93.4%}}\n')


def git(repo: Path, *args):
    subprocess.run(["git", "-c", "user.email=ci@claimcheck.invalid", "-c", "user.name=ci", *args],
                   cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("repo")
    git(repo, "init", "-q")
    (repo / "claims").mkdir()
    (repo / "docs").mkdir()
    shutil.copytree(ROOT / "rules", repo / "rules")
    (repo / "claims" / "c.yaml").write_text(GOOD, encoding="utf-8")
    (repo / "docs" / "d.txt").write_text("区域内就诊率由2020年的88.6%提升到93.4%。\n", encoding="utf-8")
    (repo / "pyproject.toml").write_text('[tool.claimcheck]\ndocs = "docs"\n', encoding="utf-8")
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {ROOT}\n  rev: {head.stdout.strip()}\n  hooks:\n"
        "  - id: claimcheck-validate\n  - id: claimcheck-lint\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "init")
    return repo


def hook(repo: Path, hook_id: str, home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PRE_COMMIT_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", hook_id, "--all-files"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_hooks_pass_on_clean_files_and_fail_on_bad_ones(repo, tmp_path_factory):
    home = tmp_path_factory.mktemp("pre-commit-home")
    ok = hook(repo, "claimcheck-validate", home)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "Passed" in ok.stdout
    (repo / "claims" / "c.yaml").write_text(GOOD.replace("kind: actual", "kind: achieved"), encoding="utf-8")
    bad = hook(repo, "claimcheck-validate", home)
    assert bad.returncode == 1 and "CC100" in bad.stdout
    (repo / "docs" / "d.txt").write_text("接种率率达99%以上。\n", encoding="utf-8")
    lint = hook(repo, "claimcheck-lint", home)
    assert lint.returncode == 1 and "CC401" in lint.stdout
