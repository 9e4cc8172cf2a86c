"""Units through pint, defined by data files: the built-in checker/data/units.txt and a project's own."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from checker.language import words
from checker.language.characters import is_han

_SQUARED = re.compile("[\u3380-\u33ff]")  # ㎡, ㎞, ㎏: unit signs of the CJK Compatibility block


@dataclass(frozen=True)
class UnitInfo:
    name: str            # canonical pint name, e.g. "person"
    dimension: str       # e.g. "[person]", "[count] / [person]", "dimensionless"
    factor: Decimal      # multiply a value in this unit by it to get base units
    counter: bool        # plain counts of it are exact integers
    dims: tuple = ()     # base dimensions with exponents, for arithmetic on claims


class UnitError(ValueError):
    pass


def numerator_of(rate: str, counter: str, units: "Units | None" = None) -> bool:
    """The counter is what the rate counts: 6.86张 is printed for 每千人口床位数 in 张/千人, 2.77人 for 人/千人;
    with units, any counter of the same kind too (2.8名 for 人/千人)."""
    if rate.startswith(counter + "/"):
        return True
    if units is None or "/" not in rate:
        return False
    try:
        return units.same(rate.split("/", 1)[0], counter)
    except UnitError:
        return False


def _added(path: Path, at: int) -> list[str]:
    """A project's definitions, read after the built-in ones: pint refuses a group or defaults block defined
    twice, so the project's groups get names of their own (`counters__1` still counts) and its defaults go
    (a project that kept a full copy of the old units.txt in rules/ reads as it did)."""
    lines, skipping = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        head = line.strip()
        if head.startswith("@defaults"):
            skipping = True
        elif skipping:
            skipping = head != "@end"
        elif head.startswith("@group "):
            name, _, rest = head[len("@group "):].partition(" ")
            lines.append(f"@group {name}__{at} {rest}".rstrip())
        else:
            lines.append(line)
    return lines


def units_of(definitions: list[Path]) -> "Units":
    """Units for these definition files, made once a process for each content the files have had (building
    pint's registry took a twentieth of a small check)."""
    texts = _texts(definitions)
    if texts is None:
        return Units(definitions)  # a file that cannot be read: Units names it
    made = _units(texts)
    return made if _texts(definitions) == texts else Units(definitions)  # changed meanwhile: not the cached one


def _texts(definitions: list[Path]) -> tuple | None:
    try:
        return tuple((str(p), Path(p).read_bytes()) for p in definitions)
    except OSError:
        return None


@lru_cache(maxsize=8)
def _units(texts: tuple) -> "Units":
    return Units([Path(p) for p, _ in texts])


class Units:
    def __init__(self, definitions: Path | list[Path]):
        """definitions: pint definition files, read in order; a later file may define a unit again."""
        import pint  # heavy: only commands that check units pay for it

        self.paths = [Path(p) for p in definitions] if isinstance(definitions, (list, tuple)) else [Path(definitions)]
        self.registry = pint.UnitRegistry(None, non_int_type=Decimal, autoconvert_offset_to_baseunit=False,
                                          on_redefinition="ignore")
        for at, path in enumerate(self.paths):
            try:
                self.registry.load_definitions(str(path) if at == 0 else _added(path, at))
            except Exception as exc:  # pint raises several types for bad definition files
                raise UnitError(f"{path}: bad unit definitions: {exc}") from None
        for name in sorted(self.registry.get_group("root").members):
            try:  # pint resolves definitions lazily; resolve them all now to name the bad one
                self.registry.get_base_units(name)
            except Exception as exc:  # noqa: BLE001 - pint raises several types here
                raise UnitError(f"{self.paths[-1]}: unit `{name}`: {exc}") from None
        counters = set()
        for name in ["counters"] + [f"counters__{at}" for at in range(1, len(self.paths))]:
            try:
                counters |= self.registry.get_group(name, create_if_needed=False).members
            except (KeyError, ValueError):  # pint: "Unknown group"
                continue  # a project file without counters
        self._counter_dims = {str(self.registry.Unit(u).dimensionality) for u in counters}
        self.info = lru_cache(maxsize=None)(self._info)

    def _info(self, text: str) -> UnitInfo:
        text = words.unit_name(text) or text  # the forms printed in bulletins: 1/10万, /十万人
        if _SQUARED.search(text):  # pint's parser reads no ㎡: its own letters (m2), which name the same unit
            text = unicodedata.normalize("NFKC", text)
        try:
            q = self.registry.Quantity(Decimal(1), text.strip())
            base = q.to_base_units()
        except Exception as exc:  # pint's parser raises many kinds of errors for bad text
            why = (str(exc).splitlines() or [type(exc).__name__])[0]
            raise UnitError(f"unknown unit `{text}`: {why}") from None
        dim = str(base.dimensionality) if base.dimensionality else "dimensionless"
        if dim == "dimensionless":
            dim = "[ratio]"
        dims = tuple(sorted(dict(base.dimensionality).items()))
        return UnitInfo(str(q.units), dim, Decimal(base.magnitude), dim in self._counter_dims, dims)

    def words(self) -> list[str]:
        """Every unit name and alias written in Chinese characters (counters such as 人次, 家, 万元) or as one of
        the squared unit signs of Chinese type (㎡, ㎞)."""
        out = set()
        for line in (row for path in self.paths for row in path.read_text(encoding="utf-8").splitlines()):
            line = line.split("#", 1)[0]
            if "=" not in line or line.lstrip().startswith("@"):
                continue
            for token in line.split("="):
                token = token.strip()
                if token and not token.startswith("[") and (any(map(is_han, token)) or _SQUARED.search(token)):
                    out.add(token)
        return sorted(out, key=len, reverse=True)

    def same(self, a: str, b: str) -> bool:
        ia, ib = self.info(a), self.info(b)
        return ia.dimension == ib.dimension and ia.factor == ib.factor
