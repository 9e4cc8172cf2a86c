"""The bulk path: plainly written claim files parsed by yaml-rs, about ten times faster than libyaml.

PyYAML (YAML 1.1, with line marks) stays the reference. yaml-rs follows YAML
1.2 and keeps no lines, so a file takes this path only when both facts are
recovered exactly: every line of the file is placed (a list item, a key in
document order, a blank or comment line), and every scalar reads the same
under both versions of YAML (no `yes`/`on` words, octal, sexagesimal or
exponent forms, dates). Anchors, tags, merge keys, block scalars, multi-line
scalars, comments after values and anything yaml-rs rejects send the file to
the PyYAML loader, which also writes every error message.
tests/test_bulk.py checks that both paths give identical records.
"""
from __future__ import annotations

import re

import yaml

from checker.io.yamlfile import LineDict

# Anchors, aliases, tags, block scalars, merge keys, directives, documents, and
# the line breaks and characters PyYAML treats otherwise than yaml-rs: one class of
# characters and a few literal searches (an alternation with ^ would try every position).
_RISKY_CHARS = re.compile(r"[&*!|>\r\t\x85\u2028\u2029\ufeff]")
_RISKY_LINE_STARTS = ("%", "---", "...")
_ITEM = re.compile(r"( *)- ")
_KEY = re.compile(r"( *)(- +)?([^\s:#'\"{}\[\],&*!|>%@`?-][^:#]*?):(?: +(.*))?$")
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?[0-9]+\.[0-9]+")
_BOOL = {"true", "True", "TRUE", "false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}
_RESOLVERS = yaml.resolver.Resolver.yaml_implicit_resolvers
_INDICATORS = tuple("-?:,[]{}#&*!|>'\"%@`")  # a scalar starting with one is read differently across parsers
_FLOW_NUMBERS = re.compile(r"(?<![\w.+-])[-+]?[0-9]+(?:\.[0-9]+)?(?![\w.])")


_TEXT_KEYS: set = set()  # keys already known to read as text under YAML 1.1


class _NotPlain(Exception):
    """The file needs the PyYAML loader."""


def parse(text: str) -> tuple[object, list[int]] | None:
    """(document, line of each top-level item) as the PyYAML loader would give them, or None."""
    if _risky(text) or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return None
    try:
        import yaml_rs

        data = yaml_rs.loads(text)
    except Exception:  # yaml-rs rejects it, or is missing: PyYAML decides and explains
        return None
    if data is None or not isinstance(data, list):
        return None
    try:
        return _Placer(text).document(data)
    except (_NotPlain, StopIteration):  # StopIteration: fewer braces than mappings
        return None


def _risky(text: str) -> bool:
    return bool(_RISKY_CHARS.search(text)) or "<<" in text or text.startswith(_RISKY_LINE_STARTS) or any(
        "\n" + start in text for start in _RISKY_LINE_STARTS)


class _Placer:
    """Walks the lines of the text alongside the parsed document, in order."""

    def __init__(self, text: str):
        # (number, text) of the lines that hold something: blank lines and comment lines are never placed
        self.lines = [(n, line) for n, line in enumerate(text.split("\n"), 1)
                      if line.strip() and line.lstrip()[0] != "#"]
        if any(line[-1].isspace() for _, line in self.lines):
            raise _NotPlain  # trailing spaces: let PyYAML judge
        self.at = 0  # index in self.lines of the next line to place

    def document(self, items: list) -> tuple[list, list[int]]:
        out, item_lines = [], []
        for item in items:
            number, line = self._next()
            m = _ITEM.match(line)
            if not m or m.group(1):
                raise _NotPlain
            item_lines.append(number)
            out.append(self._value_after_dash(item, number, line, len(m.group(0))))
        if self._next(required=False) is not None:
            raise _NotPlain
        return out, item_lines

    def _value_after_dash(self, value, number: int, line: str, start: int):
        """A list item's value, which starts on the dash's line at column start."""
        rest = line[start:]
        if isinstance(value, dict):
            if rest.startswith("{"):
                return _flow(value, number, start + 1, rest)
            self.at -= 1  # the first key is on the dash's line: place it with the others
            return self._block_mapping(value, start, dash_first=True)
        if isinstance(value, list):
            if rest.startswith("["):
                return _flow(value, number, start + 1, rest)
            raise _NotPlain
        _scalar(value, rest)
        return value

    def _block_mapping(self, mapping: dict, indent: int, dash_first: bool = False) -> LineDict:
        if not mapping:
            raise _NotPlain
        out = LineDict()
        out.key_lines = {}
        for i, (key, value) in enumerate(mapping.items()):
            number, line = self._next()
            m = _KEY.match(line)
            if m is None:
                raise _NotPlain
            spaces, dash, name, rest = m.groups()
            if name != key or bool(dash) != (dash_first and i == 0) or len(spaces) + len(dash or "") != indent:
                raise _NotPlain
            if key not in _TEXT_KEYS:
                if _non_text(key):
                    raise _NotPlain
                if len(_TEXT_KEYS) < 10_000:  # a few field names recur in every record
                    _TEXT_KEYS.add(key)
            if i == 0:
                out.line, out.column = number, indent + 1
            out.key_lines[key] = number
            out[key] = self._value_of_key(value, number, line, rest or "", indent)
        return out

    def _value_of_key(self, value, number: int, line: str, rest: str, indent: int):
        if rest.startswith(("{", "[")):
            if not isinstance(value, (dict, list)):
                raise _NotPlain
            return _flow(value, number, len(line) - len(rest) + 1, rest)
        if rest or not isinstance(value, (dict, list)):
            _scalar(value, rest)
            return value
        if isinstance(value, dict):
            first = self._peek_indent()
            if first is None or first <= indent:
                raise _NotPlain
            return self._block_mapping(value, first)
        return self._block_list(value, indent)

    def _block_list(self, items: list, parent_indent: int) -> list:
        if not items:
            raise _NotPlain
        out = []
        for item in items:
            number, line = self._next()
            m = _ITEM.match(line)
            if not m or len(m.group(1)) < parent_indent:
                raise _NotPlain
            out.append(self._value_after_dash(item, number, line, len(m.group(0))))
        return out

    def _next(self, required: bool = True):
        if self.at < len(self.lines):
            self.at += 1
            return self.lines[self.at - 1]
        if required:
            raise _NotPlain
        return None

    def _peek_indent(self) -> int | None:
        if self.at < len(self.lines):
            line = self.lines[self.at][1]
            return len(line) - len(line.lstrip(" "))
        return None


def _scalar(value, rest: str) -> None:
    """The text rest reads as value under YAML 1.1 too."""
    if " #" in rest:
        raise _NotPlain  # a comment after a value
    if rest[:1] in ("'", '"'):
        if not isinstance(value, str) or rest[-1] != rest[0] or len(rest) < 2:
            raise _NotPlain
        return
    if isinstance(value, str):
        if value != rest or _non_text(value) or value.startswith(_INDICATORS):
            raise _NotPlain
    elif isinstance(value, bool):
        if rest not in _BOOL:
            raise _NotPlain
    elif isinstance(value, int):
        if not _INT.fullmatch(rest):
            raise _NotPlain
    elif isinstance(value, float):
        if not _FLOAT.fullmatch(rest):
            raise _NotPlain
    elif value is not None or rest not in _NULL:
        raise _NotPlain


def _non_text(value: str) -> bool:
    """YAML 1.1 would read this plain scalar as something other than text."""
    if value[:1] not in _RESOLVERS:  # most text (all Chinese) starts with no resolver's character
        return False
    for tag, regexp in _RESOLVERS[value[:1]]:
        if tag != "tag:yaml.org,2002:str" and regexp.match(value):
            return True
    return False


def _flow(value, number: int, column: int, text: str):
    """A flow collection written on one line: every mapping in it is on that line."""
    if not text.endswith(("}", "]")) or " #" in text:
        raise _NotPlain  # continues on the next line, or has something after it
    braces = []
    at = text.find("{")
    while at >= 0:
        braces.append(column - 1 + at)
        at = text.find("{", at + 1)
    remaining = iter(braces)
    out = _flow_value(value, number, remaining, _Numbers(text))
    if next(remaining, None) is not None:
        raise _NotPlain  # a brace that opens no mapping
    return out


class _Numbers:
    """The numbers printed in a flow, found only when the flow holds a number."""

    def __init__(self, text: str):
        self.text, self.found = text, None

    def __contains__(self, printed: str) -> bool:
        if self.found is None:
            self.found = set(_FLOW_NUMBERS.findall(self.text))
        return printed in self.found


def _flow_value(value, number: int, braces, numbers: _Numbers):
    """Mappings take the columns of the braces in document order.

    No text in the flow may hold a brace, and every brace must open a mapping:
    then the n-th mapping is the n-th brace (a mapping written without braces,
    as in [a: 1], runs out of braces and is declined).
    """
    if isinstance(value, dict):
        out = LineDict()
        out.line, out.column = number, next(braces) + 1
        out.key_lines = {}
        for key, item in value.items():
            if not isinstance(key, str) or _non_text(key) or "{" in key or key.startswith(_INDICATORS):
                raise _NotPlain
            out.key_lines[key] = number
            out[key] = _flow_value(item, number, braces, numbers)
        return out
    if isinstance(value, list):
        return [_flow_value(v, number, braces, numbers) for v in value]
    _flow_scalar(value, numbers)
    return value


def _flow_scalar(value, numbers: _Numbers) -> None:
    """Only scalars whose printed form proves they read the same under YAML 1.1."""
    if isinstance(value, str):
        if _non_text(value) or "{" in value or value.startswith(_INDICATORS):
            raise _NotPlain
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, (int, float)):
        if repr(value) not in numbers:
            raise _NotPlain  # 012, 0o12, 1_2, 1e3, 93.40: a form YAML 1.1 may read otherwise
    else:
        raise _NotPlain
