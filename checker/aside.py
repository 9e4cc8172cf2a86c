"""The document rules (CC4xx) in a second process, while the claims load and their rules run.

The document rules read only the texts, the word lists of rules/lint.yaml
and the severities; nothing they find depends on a claim. On a large corpus
they take a fifth of a check, and loading the claims keeps one core busy, so
a forked process runs them beside it and hands their findings back by rule.
The process is forked before anything else starts threads, and inherits the
texts instead of receiving them; on a small corpus, on a single core or where
fork does not exist, the rules simply run in the main process when asked.
"""
from __future__ import annotations

import os

TEXT_BYTES = 1 << 20  # below this, starting a process costs more than it saves

_WORKER: tuple | None = None  # (modules, context) the forked process inherits


def reads_only_texts(code: str) -> bool:
    return code.startswith("CC4")


def auto_jobs(texts: dict) -> int:
    """One process per core when the documents hold over a megabyte of text, else one."""
    size = sum(len(line) for lines in texts.values() for line in lines)
    return (os.cpu_count() or 1) if size > TEXT_BYTES else 1


class DocumentRules:
    """Findings of the chosen document rules, by code: from the second process, or made when asked."""

    def __init__(self, modules: list, ctx, jobs: int):
        import multiprocessing

        self._modules, self._ctx = modules, ctx
        self._pool = self._pending = self._found = None
        if modules and jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
            global _WORKER
            _WORKER = modules, ctx
            try:
                self._pool = multiprocessing.get_context("fork").Pool(1)
                self._pending = self._pool.apply_async(_check_all)
            finally:
                _WORKER = None  # the child has its copy

    def findings(self, module) -> list:
        if self._pending is None:
            return module.check(self._ctx)
        if self._found is None:
            self._found = self._pending.get()  # the worker's own error is raised here, as it would be inline
            self.close()
        return self._found[module.CODE]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _check_all() -> dict:
    modules, ctx = _WORKER
    return {m.CODE: m.check(ctx) for m in modules}
