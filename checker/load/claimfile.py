"""One claim file's text → records with the line of every field, and the problems met.

Plainly written files take the fast path (checker.io.fastyaml), the rest
PyYAML; either way each field is coerced to its declared type
(checker.model.fields) and every problem is kept as data, reported later by
the rule that owns its code.
"""
from __future__ import annotations

import datetime as dt
import difflib
import math
import re
import sys
from decimal import Decimal, InvalidOperation

from checker.io import fastyaml
from checker.io.yamlfile import LineDict, LoadError, Problem, read_yaml, shown
from checker.language.characters import INVISIBLE, char_name
from checker.model import fields as F
from checker.model.records import Record, make_record


def load_text(text: str, path: str, records: list, problems: list, first_row: int = 0) -> None:
    """Append the records of one claim file, numbered from first_row plus those records already holds."""
    fast = fastyaml.parse(text)  # plainly written files, about ten times faster; None sends the rest to PyYAML
    data, lines = fast if fast is not None else (None, [])
    if fast is None:
        data = read_yaml(text, path, problems, lines)
    if data is None:
        return  # an empty claim file is allowed: nothing claimed yet
    if not isinstance(data, list):
        raise LoadError(f"{path}:1: a claim file is a YAML list of records (`- id: ...`), "
                        f"not {_kind_of(data)}")
    for item, line in zip(data, lines):
        if not isinstance(item, LineDict):
            problems.append(Problem("CC100", path, line, f"a list item is {_kind_of(item)}, not a record"))
            continue
        records.append(_record(item, path, first_row + len(records), problems))


def _record(item: LineDict, path: str, row: int, problems: list) -> Record:
    values: dict = {}
    lines: dict = {}
    _unknown_keys(item, F.TOP_LEVEL, path, row, problems, "")
    source = item.get("source")
    if source is not None and not isinstance(source, LineDict):
        problems.append(Problem("CC100", path, item.key_lines.get("source"),
                                "field `source` must be a mapping with doc, line and quote", row))
        source = None
    if isinstance(source, LineDict):
        _unknown_keys(source, F.SOURCE_KEYS, path, row, problems, "source.")
    for f, key, top in _PLACES:
        holder = item if top else source
        if holder is None or key not in holder:
            continue
        line = holder.key_lines[key]
        lines[f.name] = line
        value = holder[key]
        # The common cases, text that is text and a whole number, without the general checks:
        if f.type == "str" and type(value) is str and not _may_hide(f, value):
            values[f.name] = value
        elif f.type == "int" and type(value) is int:
            values[f.name] = value
        else:
            values[f.name] = _coerce(f, value, path, line, row, problems)
    ignore, relations = values.pop("ignore", None), values.pop("relations", None)
    confidence = values.pop("confidence", None)  # kept only as the fields it says are guesses
    values.pop("wording", None)  # for people
    if values.get("status") == "draft" and "unsure" not in values and isinstance(confidence, dict):
        guessed = [f for f in F.UNSURE_FIELDS if _below(confidence.get(f), F.CONFIDENT)]
        if guessed:
            values["unsure"] = sys.intern(", ".join(guessed))
    return make_record(row, path, item.line, item.column, values, lines, ignore, relations)


def _below(score, threshold: float) -> bool:
    return isinstance(score, (int, float)) and not isinstance(score, bool) and score < threshold


_PLACES = tuple((f, f.path[-1], len(f.path) == 1) for f in F.FIELDS)  # each field, its key, and whether top-level


_CHECKED_FOR_INVISIBLE = ("id", "period", "surface", "unit", "doc")


_ANY_INVISIBLE = re.compile("[" + "".join(INVISIBLE) + "]")


def _may_hide(f: F.Field, text: str) -> bool:
    """A field where an invisible character would silently change a match holds one."""
    return f.name in _CHECKED_FOR_INVISIBLE and _ANY_INVISIBLE.search(text) is not None


def _unknown_keys(mapping: LineDict, known: list, path, row, problems, prefix: str) -> None:
    for key in mapping:
        if key not in known:
            near = difflib.get_close_matches(key, known, n=1)
            hint = f"; did you mean `{prefix}{near[0]}`?" if near else f"; known fields: {', '.join(known)}"
            problems.append(Problem("CC103", path, mapping.key_lines[key], f"unknown field `{prefix}{key}`{hint}", row))


def _coerce(f: F.Field, value, path, line, row, problems):
    def bad(expected: str):
        problems.append(Problem("CC100", path, line,
                                f"field `{'.'.join(f.path)}` must be {expected}, got {shown(value)}", row, f.name))
        return None

    if value is None:
        return None
    if f.type == "str":
        if isinstance(value, bool) or isinstance(value, (list, dict)):
            return bad("text")
        if isinstance(value, (dt.date, dt.datetime)):
            return bad("text (quote dates: \"2023-06\")")
        if isinstance(value, float) and f.name in ("id", "period"):
            return bad("text (quote it)")
        _invisible(f, str(value), path, line, row, problems)
        return str(value)
    if f.type == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return bad("a whole number")
        return value
    if f.type == "number":
        return _number_text(value, bad)
    if f.type == "scores":
        if not isinstance(value, dict) or not all(
                isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1 for v in value.values()):
            return bad("a mapping of field names to numbers from 0 to 1")
        return value
    if f.type == "list":
        if not isinstance(value, list) or not all(isinstance(v, dict) and len(v) == 1 for v in value):
            return bad("a list of one-key mappings such as `- sum: [id1, id2]`")
        return value
    if f.type == "mapping":
        if not isinstance(value, dict) or not all(isinstance(v, str) or v is None for v in value.values()):
            return bad("a mapping of rule codes to reasons")
        return {str(k): v for k, v in value.items()}
    raise AssertionError(f.type)  # pragma: no cover


def _invisible(f: F.Field, text: str, path, line, row, problems) -> None:
    """An id, period, unit or printed number with a zero-width space would silently differ.

    Quotes, notes and names are text from the document (the extractor copies
    them): a quote is matched verbatim (CC121), a name against the registry (CC130, CC131).
    """
    if not _may_hide(f, text):
        return  # the common case: one search in C, not a loop over characters
    for i, ch in enumerate(text, start=1):
        if ch in INVISIBLE:
            problems.append(Problem("CC100", path, line, f"field `{'.'.join(f.path)}` has an invisible character, "
                                    f"{char_name(ch)}, at character {i}: remove it", row, f.name))
            return


def _number_text(value, bad):
    """Keep the value as exact decimal text; a range is "low..high"."""
    if isinstance(value, list):
        if len(value) != 2:
            return bad("a number or a [low, high] pair")
        parts = [_number_text(v, bad) for v in value]
        return None if None in parts else f"{parts[0]}..{parts[1]}"
    if isinstance(value, bool):
        return bad("a number")
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return bad("a finite number")
        return str(Decimal(repr(value)))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        try:
            d = Decimal(value.strip())
        except InvalidOperation:
            plain = value.replace(",", "").replace("，", "")
            return bad(f"a number (write it without separators: {plain})" if plain != value else "a number")
        if not d.is_finite():
            return bad("a finite number")
        return str(d)
    return bad("a number")


def _kind_of(value) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    return "a number" if isinstance(value, (int, float)) else f"a {type(value).__name__}"
