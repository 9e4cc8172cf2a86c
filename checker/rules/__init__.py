"""One module per rule, like yamllint: a stable code, a docstring with a
passing and a failing example, and a single ``check(ctx)`` function."""
from __future__ import annotations

import importlib
import pkgutil
import re
from types import ModuleType

_MODULE = re.compile(r"^cc\d{3}_\w+$")

# What a rule reads, its READS: the runner gives each rule what it declares, and each command runs the
# rules whose input it has (validate: records and suppressions; lint: texts and suppressions; check: all).
READS = ("records", "table", "texts", "suppressions", "baseline")
RUN_BY = {
    "check": frozenset(READS),
    "validate": frozenset({"records", "suppressions", "baseline"}),
    "lint": frozenset({"texts", "suppressions"}),
}

# Scopes other than claim-table columns (a rule's SCOPE; see checker.run.kept).
DOCUMENTS = "@documents"  # one document: the document rules
RELATIONS = "@relations"  # one claim stating relations, and its members
FILES = "@files"  # one claim file, from its content alone


def all_rules() -> dict[str, ModuleType]:
    """Every rule module, by code, in code order."""
    found = {}
    for info in pkgutil.iter_modules(__path__):
        if _MODULE.match(info.name):
            module = importlib.import_module(f"{__name__}.{info.name}")
            found[module.CODE] = module
    return dict(sorted(found.items()))


def run_by(command: str) -> dict[str, ModuleType]:
    """The rules a command runs, by code."""
    return {code: m for code, m in all_rules().items() if m.READS in RUN_BY[command]}


def reads_only_texts(module: ModuleType) -> bool:
    """Reads the documents' text and nothing else: may run in another process, one document at a time."""
    return module.READS == "texts"


def scope_of(module: ModuleType) -> tuple | str | None:
    """What each finding of the rule is about, when the rule declares it (see checker.run.kept)."""
    return getattr(module, "SCOPE", None)


def summary(module: ModuleType) -> str:
    return (module.__doc__ or "").strip().splitlines()[0]


EXAMPLE = re.compile(r"^(Passing|Failing) example::\n\n((?:(?:    .*)?\n)+)", re.M)


def examples(module: ModuleType) -> list[tuple[bool, str]]:
    """The docstring's examples as (should_pass, yaml_text)."""
    import textwrap

    doc = (module.__doc__ or "") + "\n"
    return [(kind == "Passing", textwrap.dedent(body)) for kind, body in EXAMPLE.findall(doc)]
