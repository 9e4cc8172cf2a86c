"""Exact intervals over Decimal: what every rule compares.

A bound of ``None`` is unbounded. Closedness is tracked per end so that
``超95%`` (more than) and ``95%以上`` (at least) stay distinguishable.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Interval:
    lo: Decimal | None
    hi: Decimal | None
    lo_closed: bool = True
    hi_closed: bool = True

    @classmethod
    def point(cls, v: Decimal) -> "Interval":
        return cls(v, v, True, True)

    def __post_init__(self):
        if self.lo is not None and self.hi is not None:
            if self.lo > self.hi or (self.lo == self.hi and not (self.lo_closed and self.hi_closed)):
                raise ValueError(f"empty interval {self._text()}")

    def _lo_after(self, other: "Interval") -> bool:
        """True when every point of self lies above every point of other."""
        if self.lo is None or other.hi is None:
            return False
        if self.lo > other.hi:
            return True
        return self.lo == other.hi and not (self.lo_closed and other.hi_closed)

    def overlaps(self, other: "Interval") -> bool:
        return not (self._lo_after(other) or other._lo_after(self))

    def contains(self, other: "Interval") -> bool:
        def lo_ok():
            if self.lo is None:
                return True
            if other.lo is None:
                return False
            return other.lo > self.lo or (other.lo == self.lo and (self.lo_closed or not other.lo_closed))

        def hi_ok():
            if self.hi is None:
                return True
            if other.hi is None:
                return False
            return other.hi < self.hi or (other.hi == self.hi and (self.hi_closed or not other.hi_closed))

        return lo_ok() and hi_ok()

    def scale(self, factor: Decimal) -> "Interval":
        if factor <= 0:
            raise ValueError("scale factor must be positive")
        # Scaling by 1 is the common case: it only tidies, and then the interval itself is the result
        # (one object, not two equal ones: memory at scale).
        lo = None if self.lo is None else tidy(self.lo if factor == 1 else self.lo * factor)
        hi = lo if self.hi is self.lo else None if self.hi is None else tidy(
            self.hi if factor == 1 else self.hi * factor)
        if lo is self.lo and hi is self.hi:
            return self
        return Interval(lo, hi, self.lo_closed, self.hi_closed)

    def __add__(self, other: "Interval") -> "Interval":
        def add(a, b):
            return None if a is None or b is None else tidy(a + b)

        return Interval(add(self.lo, other.lo), add(self.hi, other.hi),
                        self.lo_closed and other.lo_closed, self.hi_closed and other.hi_closed)

    def _text(self) -> str:
        lo = "-inf" if self.lo is None else _plain(self.lo)
        hi = "+inf" if self.hi is None else _plain(self.hi)
        return ("[" if self.lo_closed and self.lo is not None else "(") + f"{lo}, {hi}" + (
            "]" if self.hi_closed and self.hi is not None else ")")

    def __str__(self) -> str:
        return self._text()

    def short(self, digits: int = 6) -> str:
        """For messages: ends rounded outwards to a few significant digits."""
        from decimal import ROUND_CEILING, ROUND_FLOOR, Context

        def cut(v, rounding):
            return None if v is None else tidy(Context(prec=digits, rounding=rounding).plus(v))

        return Interval(cut(self.lo, ROUND_FLOOR), cut(self.hi, ROUND_CEILING), self.lo_closed, self.hi_closed)._text()


def tidy(d: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation, and without rounding."""
    from decimal import Context

    _, digits, exponent = d.as_tuple()
    if exponent == 0 or (isinstance(exponent, int) and exponent < 0 and digits[-1] != 0):
        return d  # already tidy (93, 93.4): the common case, without building contexts
    n = d.normalize(Context(prec=max(28, len(digits))))
    if n != n.to_integral():
        return n
    digits, exponent = len(n.as_tuple().digits), n.as_tuple().exponent
    return n.quantize(Decimal(1), context=Context(prec=max(28, digits + max(exponent, 0))))


def _plain(d: Decimal) -> str:
    return format(tidy(d), "f")


# Arithmetic on intervals. A bound is (value, closed) with None for infinity;
# a result bound is closed only when both bounds it comes from are closed.

def _ends(i: Interval):
    return (i.lo, i.lo_closed), (i.hi, i.hi_closed)


def neg(i: Interval) -> Interval:
    return Interval(None if i.hi is None else -i.hi, None if i.lo is None else -i.lo, i.hi_closed, i.lo_closed)


def sub(a: Interval, b: Interval) -> Interval:
    return a + neg(b)


def mul(a: Interval, b: Interval) -> Interval:
    if None in (a.lo, a.hi, b.lo, b.hi):
        return Interval(None, None, False, False)  # rare in reports; stay sound rather than clever
    # an end is reached when both factors reach theirs, or when one of them is a reached zero
    products = [(_exact_product(x, y), (cx and cy) or (x == 0 and cx) or (y == 0 and cy))
                for x, cx in _ends(a) for y, cy in _ends(b)]
    lo = min(products, key=lambda p: (p[0], not p[1]))
    hi = max(products, key=lambda p: (p[0], p[1]))
    return Interval(lo[0], hi[0], lo[1], hi[1])


def _exact_product(x: Decimal, y: Decimal) -> Decimal:
    from decimal import localcontext

    with localcontext() as ctx:  # enough digits that the product is never rounded
        ctx.prec = len(x.as_tuple().digits) + len(y.as_tuple().digits) + 2
        return tidy(x * y)


def div(a: Interval, b: Interval, digits: int = 34) -> Interval:
    """a / b, with ends rounded outwards when a quotient does not terminate (then the end is closed)."""
    if None in (a.lo, a.hi) or b.lo is None or b.hi is None or (b.lo <= 0 <= b.hi):
        return Interval(None, None, False, False)  # dividing by something that may be zero
    from decimal import ROUND_CEILING, ROUND_FLOOR, Context

    down, up = Context(prec=digits, rounding=ROUND_FLOOR), Context(prec=digits, rounding=ROUND_CEILING)
    lows, highs = [], []
    for x, cx in _ends(a):
        for y, cy in _ends(b):
            q_lo, q_hi = down.divide(x, y), up.divide(x, y)
            exact = q_lo == q_hi
            lows.append((tidy(q_lo), (cx and cy) or not exact or (x == 0 and cx)))
            highs.append((tidy(q_hi), (cx and cy) or not exact or (x == 0 and cx)))
    lo = min(lows, key=lambda p: (p[0], not p[1]))
    hi = max(highs, key=lambda p: (p[0], p[1]))
    return Interval(lo[0], hi[0], lo[1], hi[1])
