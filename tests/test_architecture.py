"""The package's shape: data flows one way, so imports do too.

Every module of checker imports only from its own package and the packages
below it in checker.LAYERS, never one above, and no set of modules imports
each other in a circle, counting imports made inside functions. Built with
`ast`, so it reads what the source says rather than what one run imported.
"""
from __future__ import annotations

import ast
from pathlib import Path

import checker

ROOT = Path(checker.__file__).parent


def modules() -> dict[str, Path]:
    out = {}
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def imports(name: str, path: Path, known: dict) -> set[str]:
    """The checker modules this one imports, anywhere in its source (a package's __init__ counts as itself)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([node.module] if node.module else []))
            for alias in node.names:
                target = f"{base}.{alias.name}"
                found.add(target if target in known else base)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m in known and m != name}


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def layer(module: str) -> int | None:
    """The module's package's place in LAYERS; None for the top-level modules (checker, checker.__main__)."""
    parts = module.split(".")
    return checker.LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in checker.LAYERS else None


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                if len(component) > 1:
                    out.append(sorted(component))
    return out


def test_every_package_is_a_layer():
    packages = {path.parent.name for path in ROOT.glob("*/__init__.py")}
    assert packages == set(checker.LAYERS), "a package that is not in checker.LAYERS has no place in the order"


def test_no_module_imports_a_higher_layer():
    upward = []
    for module, targets in graph().items():
        here = layer(module)
        for target in targets:
            there = layer(target)
            if here is not None and there is not None and there > here:
                upward.append(f"{module} imports {target}")
    assert upward == []


def test_no_import_cycle():
    assert cycles(graph()) == []


def test_only_the_entry_points_live_at_the_top():
    assert {m for m in modules() if layer(m) is None} == {"checker", "checker.__main__"}


def test_the_checks_see_what_they_are_meant_to():
    """The graph finds imports inside functions, and the cycle finder finds a circle."""
    edges = graph()
    assert "checker.incremental.cache" in edges["checker.load.claims"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
