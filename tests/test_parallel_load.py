"""Claim files parsed in several processes give exactly what one process gives, in the same order."""
from __future__ import annotations

import multiprocessing
import shutil

import pytest
from generate import generate  # noqa: E402
from helpers import ROOT

from checker.incremental.cache import Cache
from checker.io.yamlfile import LoadError
from checker.load import claims as loader
from checker.load.claims import load


def test_seeds_and_a_generated_corpus_load_the_same_in_two_processes(tmp_path):
    generate(1500, tmp_path, docs=9, seed=2)
    for claims in (str(ROOT / "claims"), str(tmp_path / "claims")):
        alone = load([claims], None, 1)
        assert load([claims], None, 2) == alone
        assert len(alone[0]) > 250
    assert not multiprocessing.active_children()


def test_the_cache_is_filled_by_the_processes_and_read_by_the_next_run(tmp_path):
    claims = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", claims)
    (claims / "zz.yaml").write_text("- {id: x-1, metric: m, entity: e, period: '2023', kind: guess}\n- 5\n",
                                    encoding="utf-8")  # problems too, with rows to place
    alone = load([str(claims)], None, 1)
    assert alone[1]
    cold = Cache(tmp_path / "cache")
    assert load([str(claims)], cold, 2) == alone
    assert (cold.hits, cold.misses) == (0, 6)
    warm = Cache(tmp_path / "cache")
    assert load([str(claims)], warm, 2) == alone
    assert (warm.hits, warm.misses) == (6, 0)
    (claims / "zz.yaml").write_text("- {id: x-2, metric: m, entity: e, period: '2024', kind: actual}\n",
                                    encoding="utf-8")
    edited = Cache(tmp_path / "cache")
    assert load([str(claims)], edited, 2) == load([str(claims)], None, 1)
    assert (edited.hits, edited.misses) == (5, 1)


@pytest.mark.parametrize("bad,message", [
    ("- id: a\n  metric: [\n", "cannot parse YAML"),
    ("just: a mapping\n", "a claim file is a YAML list"),
])
def test_a_bad_file_stops_the_load_with_the_same_error(tmp_path, bad, message):
    claims = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", claims)
    (claims / "002_b.yaml").write_text(bad, encoding="utf-8")
    errors = []
    for jobs in (1, 2):
        with pytest.raises(LoadError) as caught:
            load([str(claims)], None, jobs)
        errors.append(str(caught.value))
    assert errors[0] == errors[1] and message in errors[0] and "002_b.yaml" in errors[0]
    assert not multiprocessing.active_children()


def test_a_helper_that_dies_leaves_its_files_to_the_main_process(tmp_path, monkeypatch):
    claims = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", claims)
    alone = load([str(claims)], None, 1)
    monkeypatch.setattr(loader, "_start_parser", _die)  # each helper ends as it starts
    assert load([str(claims)], None, 2) == alone


def _die(cache, limits):
    import os

    os._exit(9)


def test_processes_start_only_when_asked_or_worth_it(monkeypatch):
    started = []
    real = loader._Parsers.__init__

    def spy(self, files, cache, jobs, meaning, keys):
        real(self, files, cache, jobs, meaning, keys)
        started.append(bool(self.paths))

    monkeypatch.setattr(loader._Parsers, "__init__", spy)
    claims = [str(ROOT / "claims")]
    load(claims)  # one process unless asked
    load(claims, None, 0)  # the seeds' claims are far below PARALLEL_BYTES
    load(claims, None, 2)
    monkeypatch.setattr(loader, "PARALLEL_BYTES", 1000)
    load(claims, None, 0)
    assert started == [False, False, True, multiprocessing.cpu_count() > 1]
