"""Digests of the code that made something stored, taken by package rather than by module.

A cache entry made by the loading code stays valid only while that code is
unchanged. Lists of modules go stale when a helper moves into a module that
is not listed; a package and every package below it cannot: code that the
loading depends on can only live there (tests/test_architecture.py forbids
imports from higher layers).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import checker

_ROOT = Path(checker.__file__).parent


def up_to(package: str) -> tuple[str, ...]:
    """The package and every package below it, bottom first."""
    return checker.LAYERS[:checker.LAYERS.index(package) + 1]


def code_digest(*packages: str, root: Path = _ROOT) -> str:
    """A digest of every source and data file in the packages, with their names."""
    digest = hashlib.sha256((root / "__init__.py").read_bytes())  # the version and the layers
    for package in packages:
        folder = root / package
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != ".pyc"):
            digest.update(f"\0{path.relative_to(root).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
