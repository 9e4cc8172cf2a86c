"""The document rules (CC4xx) in a second process, while the claims load and their rules run.

The document rules read only the texts, the word lists of rules/lint.yaml
and the severities; nothing they find depends on a claim. On a large corpus
they take a fifth of a check, and loading the claims keeps one core busy, so
a second process runs them beside it and hands their findings back by rule.
The process is started fresh (checker.io.processes) and receives the texts;
on a small corpus or a single core the rules simply run in the main process
when asked.
"""
from __future__ import annotations

from checker.io import processes

TEXT_BYTES = 1 << 20  # below this, starting a process costs more than it saves


def auto_jobs(texts: dict) -> int:
    """One process per core when the documents hold over a megabyte of text, else one."""
    size = sum(len(line) for lines in texts.values() for line in lines)
    return processes.auto_jobs(size, TEXT_BYTES)


class DocumentRules:
    """Findings of the chosen document rules, by code: from the second process, or made when asked.

    Should the second process die without an answer, the rules run here
    instead: the same findings, later.
    """

    def __init__(self, modules: list, ctx, jobs: int):
        self._ctx = ctx
        self._process = self._answer = self._found = None
        if modules and jobs > 1:
            from checker.run.context import Context

            # What the document rules read, and nothing else: the texts, their word lists, the severities.
            light = Context(None, None, [], None, None, None, ctx.severities, texts=ctx.texts, lint=ctx.lint)
            mp = processes.context()
            self._answer, sending = mp.Pipe(duplex=False)
            receiving, asking = mp.Pipe(duplex=False)
            self._process = mp.Process(target=_check_all, args=(receiving, sending), daemon=True)
            self._process.start()
            receiving.close(), sending.close()  # the child's ends: once it dies, nothing holds them open
            # The texts go over a pipe of our own, not as the process's arguments: multiprocessing writes those
            # while it still holds the child's end itself, so a child that dies early would leave it waiting.
            try:
                asking.send(([m.CODE for m in modules], light))
            except OSError:
                pass  # the process died before reading: findings() sees no answer and runs the rules here
            asking.close()

    def findings(self, module) -> list:
        if self._process is not None and self._found is None:
            self._found = self._receive()
            self.close()
        if self._found is None:
            return module.check(self._ctx) if self._ctx.texts else []  # no text: nothing to find, nothing to load
        return self._found[module.CODE]

    def _receive(self) -> dict | None:
        try:
            ok, found = self._answer.recv()
        except (EOFError, OSError):
            return None  # the process died: run the rules here
        if not ok:
            raise found  # a rule's own error, raised here as it would be inline
        return found

    def close(self) -> None:
        if self._process is not None:
            self._answer.close()
            self._process.terminate()
            self._process.join()
            self._process = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _check_all(receiving, sending) -> None:
    from checker.rules import all_rules

    codes, ctx = receiving.recv()
    receiving.close()
    try:
        answer = (True, {code: all_rules()[code].check(ctx) for code in codes})
    except Exception as exc:  # sent back whole, to be raised in the main process
        answer = (False, exc)
    sending.send(answer)
    sending.close()
