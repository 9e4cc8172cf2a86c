"""Figures a text implies: ``derived: "003-017-a / 003-017-b"`` evaluated exactly.

An expression is claim ids, numbers, + - * / and parentheses. Each id stands
for that claim's interval in base units; the result is an interval too, so a
derived figure carries the tolerance of the figures it comes from. Units
follow the arithmetic (persons ÷ per-thousand-persons → persons), and a
percentage point added to a percent counts as 0.01.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from checker.language.interval import Interval, div, mul, neg, sub

_TOKEN = re.compile(r"\s*(?:(?P<op>[-+*/()])|(?P<atom>[A-Za-z0-9][A-Za-z0-9_.:-]*[A-Za-z0-9_]|[A-Za-z0-9]))")
PP = (("[percentage_point]", 1),)


class DeriveError(ValueError):
    pass


@dataclass(frozen=True)
class Value:
    interval: Interval
    dims: tuple  # ((dimension, exponent), ...), () for a pure number


def tokens(text: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            raise DeriveError(f"unexpected text at {text[pos:pos + 10]!r}")
        out.append(("op", m["op"]) if m["op"] else ("atom", m["atom"]))
        pos = m.end()
    return out


def references(text: str, known) -> list[str]:
    """The claim ids an expression uses (for ordering and error messages)."""
    return [t for kind, t in tokens(text) if kind == "atom" and t in known]


def evaluate(text: str, lookup) -> Value:
    """lookup(id) → Value or None when the id is not a claim."""
    parser = _Parser(tokens(text), lookup)
    value = parser.expr()
    if parser.pos != len(parser.toks):
        raise DeriveError(f"unexpected {parser.toks[parser.pos][1]!r}")
    return value


class _Parser:
    def __init__(self, toks, lookup):
        self.toks, self.pos, self.lookup = toks, 0, lookup

    def _peek(self):
        return self.toks[self.pos][1] if self.pos < len(self.toks) else None

    def _take(self):
        tok = self.toks[self.pos]
        self.pos += 1
        return tok

    def expr(self) -> Value:
        value = self.term()
        while self._peek() in ("+", "-"):
            op = self._take()[1]
            value = _add(value, self.term(), op)
        return value

    def term(self) -> Value:
        value = self.factor()
        while self._peek() in ("*", "/"):
            op = self._take()[1]
            right = self.factor()
            value = _times(value, right, op)
        return value

    def factor(self) -> Value:
        if self.pos >= len(self.toks):
            raise DeriveError("the expression ends too early")
        kind, tok = self._take()
        if tok == "-":
            v = self.factor()
            return Value(neg(v.interval), v.dims)
        if tok == "(":
            v = self.expr()
            if self._peek() != ")":
                raise DeriveError("missing )")
            self._take()
            return v
        if kind != "atom":
            raise DeriveError(f"unexpected {tok!r}")
        found = self.lookup(tok)
        if found is not None:
            return found
        try:
            return Value(Interval.point(Decimal(tok)), ())
        except ArithmeticError:
            raise DeriveError(f"`{tok}` is neither a claim id nor a number") from None


def _add(a: Value, b: Value, op: str) -> Value:
    a, b = points_as_ratio(a, b), points_as_ratio(b, a)
    if a.dims != b.dims:
        raise DeriveError(f"cannot {'add' if op == '+' else 'subtract'} {dimension_name(b.dims)} and {dimension_name(a.dims)}")
    return Value(a.interval + b.interval if op == "+" else sub(a.interval, b.interval), a.dims)


def points_as_ratio(v: Value, other: Value) -> Value:
    """65.9% − 10个百分点: a percentage point next to a ratio is 0.01 of it."""
    if v.dims == PP and other.dims == ():
        return Value(v.interval.scale(Decimal("0.01")), ())
    return v


def _times(a: Value, b: Value, op: str) -> Value:
    dims = dict(a.dims)
    for name, exp in b.dims:
        dims[name] = dims.get(name, 0) + (exp if op == "*" else -exp)
    dims = tuple(sorted((k, v) for k, v in dims.items() if v))
    return Value(mul(a.interval, b.interval) if op == "*" else div(a.interval, b.interval), dims)


def dimension_name(dims: tuple) -> str:
    return " * ".join(f"{k}^{v}" if v != 1 else k for k, v in dims) or "a pure number"
