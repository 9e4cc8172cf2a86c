"""One module per rule, like yamllint: a stable code, a docstring with a
passing and a failing example, and a single ``check(ctx)`` function."""
from __future__ import annotations

import importlib
import pkgutil
import re
from types import ModuleType

_MODULE = re.compile(r"^cc\d{3}_\w+$")


def all_rules() -> dict[str, ModuleType]:
    """Every rule module, by code, in code order."""
    found = {}
    for info in pkgutil.iter_modules(__path__):
        if _MODULE.match(info.name):
            module = importlib.import_module(f"{__name__}.{info.name}")
            found[module.CODE] = module
    return dict(sorted(found.items()))


def summary(module: ModuleType) -> str:
    return (module.__doc__ or "").strip().splitlines()[0]


EXAMPLE = re.compile(r"^(Passing|Failing) example::\n\n((?:(?:    .*)?\n)+)", re.M)


def examples(module: ModuleType) -> list[tuple[bool, str]]:
    """The docstring's examples as (should_pass, yaml_text)."""
    import textwrap

    doc = (module.__doc__ or "") + "\n"
    return [(kind == "Passing", textwrap.dedent(body)) for kind, body in EXAMPLE.findall(doc)]
