"""YAML files read safely, with the line of every mapping and key, and problems kept as data.

YAML is read with the safe loader (no tags that build Python objects); each
mapping remembers where its keys stand so every later message can name
file:line. A duplicate key is a problem (CC101), not a silent overwrite;
aliases that refer to themselves or expand beyond a budget are refused.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from checker.io import reading

try:  # the C parser is several times faster; fall back where it is missing
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _BaseLoader = yaml.SafeLoader


class LineDict(dict):
    """A mapping that knows the line of itself and of each key."""

    line: int = 0
    column: int = 0
    key_lines: dict


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    path: str
    line: int | None
    message: str
    row: int | None = None  # the record concerned, when there is one
    field: str | None = None


class LoadError(Exception):
    """A claim file cannot be read at all (exit code 2)."""


def _make_loader(problems: list, path: str):
    class Loader(_BaseLoader):
        def construct_mapping(self, node, deep=False):
            out = LineDict()
            out.line, out.column = node.start_mark.line + 1, node.start_mark.column + 1
            out.key_lines = {}
            own = sum(1 for k, _ in node.value if k.tag != "tag:yaml.org,2002:merge")
            self.flatten_mapping(node)
            merged = len(node.value) - own  # merged (`<<: *base`) pairs come first; own keys override them
            inherited: set = set()
            for i, (key_node, value_node) in enumerate(node.value):
                key = self.construct_object(key_node, deep=True)
                if not isinstance(key, str):
                    key = str(key)
                line = key_node.start_mark.line + 1
                if key in inherited and i >= merged:
                    inherited.discard(key)
                    del out[key]
                if key in out:
                    problems.append(Problem("CC101", path, line,
                                            f"duplicate key `{key}` (first at line {out.key_lines[key]}); "
                                            "the later value would silently win"))
                    continue
                if i < merged:
                    inherited.add(key)
                out.key_lines[key] = line
                out[key] = self.construct_object(value_node, deep=True)
            return out

        def construct_object(self, node, deep=False):
            try:
                return super().construct_object(node, deep)
            except (ValueError, TypeError, IndexError, AttributeError, OverflowError) as exc:
                # PyYAML's own constructors fail like this on 2023-02-30, `!!int x` or `!!set a: b`
                tag = node.tag.rsplit(":", 1)[-1]
                what = shown(node.value) if isinstance(node, yaml.ScalarNode) else f"a {node.id}"
                raise yaml.constructor.ConstructorError(
                    None, None, f"cannot read {what} as {tag}: {exc}", node.start_mark) from None

        def construct_document(self, node):
            try:
                return super().construct_document(node)
            except (ValueError, TypeError, IndexError, AttributeError, OverflowError) as exc:
                # the second half of PyYAML's two-step constructors (`!!set` on a scalar) runs here
                raise yaml.constructor.ConstructorError(None, None, f"cannot read a value: {exc}") from None

    Loader.add_constructor("tag:yaml.org,2002:map", Loader.construct_mapping)
    return Loader


ALIAS_BUDGET = 100_000  # nodes that aliases may add to a document ("billion laughs" bound)


def read_yaml(text: str, path: str, problems: list, item_lines: list | None = None):
    """Parse one YAML document; item_lines receives the line of each top-level list item."""
    loader = _make_loader(problems, path)(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if "&" in text:
            _check_aliases(node, path)
        if item_lines is not None and isinstance(node, yaml.SequenceNode):
            item_lines.extend(n.start_mark.line + 1 for n in node.value)
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else path
        raise LoadError(f"{where}: cannot parse YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise LoadError(f"{path}: cannot parse YAML: {exc}") from None
    except RecursionError:
        raise LoadError(f"{path}: cannot parse YAML: nested too deeply") from None
    finally:
        loader.dispose()


def _check_aliases(root, path: str) -> None:
    """Refuse aliases that refer to themselves or expand the document beyond ALIAS_BUDGET nodes."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        children = _children(node)
        if done:
            open_nodes.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes[id(c)] for c in children)
            if sizes[id(node)] > len(sizes) + ALIAS_BUDGET:
                raise LoadError(f"{path}:{node.start_mark.line + 1}: YAML aliases expand this document beyond "
                                f"{ALIAS_BUDGET:,} extra nodes (a 'billion laughs' document?); refused")
        elif id(node) in open_nodes:
            raise LoadError(f"{path}:{node.start_mark.line + 1}: a YAML alias refers to itself; refused")
        elif id(node) not in sizes:
            open_nodes.add(id(node))
            stack.append((node, True))
            stack.extend((c, False) for c in children)


def _children(node) -> list:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def read_text(path: Path) -> str:
    """A claim, rules or settings file's text; a file that cannot be read raises LoadError naming it."""
    try:
        return reading.read_text(path)
    except reading.ReadError as exc:
        raise LoadError(str(exc)) from None


def shown(value) -> str:
    """A value as a message shows it: its repr, cut at 60 characters."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def check_regex(pattern, path, text: str, key: str):
    """Compile a pattern from a rules file, or say which file, line and key hold the bad one."""
    try:
        return re.compile(pattern)
    except (re.error, TypeError) as exc:
        at = text.find(str(pattern)) if isinstance(pattern, str) and pattern else -1
        line = text.count("\n", 0, at) + 1 if at >= 0 else 1
        raise LoadError(f"{path}:{line}: `{key}`: bad regular expression {pattern!r}: {exc}") from None
