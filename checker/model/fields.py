"""The claim record: every field once, with its type, rule and meaning.

The loader, the pandera schema and the published JSON Schema are all built
from this one list, so they cannot disagree.
"""
from __future__ import annotations

from dataclasses import dataclass

KINDS = ("actual", "target", "baseline", "change", "share")
STATUSES = ("draft", "reviewed")
QUALIFIERS = ("exact", "at_least", "more_than", "at_most", "less_than",
              "nearly", "about", "plus", "range")
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$"
# A year, half-year, quarter, month, span of years, or a named period that
# does not start with a digit (十四五, baseline-2020).
PERIOD_PATTERN = r"^(\d{4}(H[12]|Q[1-4]|-(0[1-9]|1[0-2])(~(0[1-9]|1[0-2]))?)?|\d{4}-\d{4}|[^\d\s].*)$"


@dataclass(frozen=True)
class Field:
    name: str            # column name in the claim table
    path: tuple[str, ...]  # where it sits in the YAML record
    type: str            # "str", "int", "number", "mapping"
    required: bool
    doc: str
    choices: tuple[str, ...] = ()
    pattern: str | None = None


FIELDS: tuple[Field, ...] = (
    Field("id", ("id",), "str", True, "Unique identifier of the claim across all claim files.", pattern=ID_PATTERN),
    Field("metric", ("metric",), "str", True, "What is measured, as written or by its canonical name in rules/metrics.yaml."),
    Field("entity", ("entity",), "str", True, "Who or what is measured (a city, district, hospital), see rules/entities.yaml."),
    Field("period", ("period",), "str", True,
          "When: 2022, 2025H1, 2024Q3, 2023-06, 2022-01~08 (January to August), 2020-2022, or a named period such as 十四五.",
          pattern=PERIOD_PATTERN),
    Field("kind", ("kind",), "str", True, "actual, target, baseline, change or share.", choices=KINDS),
    Field("surface", ("surface",), "str", False,
          "The number exactly as printed, with its qualifier: 46.8万, 95%以上, 300余, 10~30. "
          "Every record has either a surface or a `derived` expression."),
    Field("derived", ("derived",), "str", False,
          "For a figure the text implies but does not print: arithmetic over claim ids, "
          "e.g. \"002-083-c - 002-083-d\"."),
    Field("value", ("value",), "number", False,
          "The normalised number (46.8万 is 468000); for a range, [low, high]. Must agree with surface."),
    Field("unit", ("unit",), "str", False,
          "Unit or counter from rules/units.txt (人, 人次, 家, percent, 个百分点, 元, 个/千人). "
          "Optional when the surface carries it (%, ‰, 个百分点, 倍)."),
    Field("qualifier", ("qualifier",), "str", False,
          "How the number is bounded; derived from the surface, and checked against it when given.",
          choices=QUALIFIERS),
    Field("doc", ("source", "doc"), "str", True, "Source document, relative to the documents folder."),
    Field("line", ("source", "line"), "int", False, "1-based line of the quote in the source document."),
    Field("quote", ("source", "quote"), "str", True, "Verbatim text from the source that contains the surface."),
    Field("note", ("note",), "str", False, "Free text for people: why this reading, what is unclear."),
    Field("status", ("status",), "str", False, "draft (from extract) or reviewed.", choices=STATUSES),
    Field("wording", ("wording",), "str", False,
          "The words of the source that name the metric, as printed (extract keeps them beside the metric)."),
    Field("unsure", ("unsure",), "str", False,
          "The fields of a draft that are guesses (metric, entity, period), from its confidence: a finding that "
          "rests on the draft is info until a person confirms it (status: reviewed)."),
    Field("confidence", ("confidence",), "scores", False,
          "How sure `claimcheck extract` was of each field it proposed, from 0 to 1: {metric: 0.9, period: 0.4}."),
    Field("relations", ("relations",), "list", False,
          "How this claim relates to others: sum, includes, change, share, series (see docs/claim-format.md)."),
    Field("ignore", ("ignore",), "mapping", False,
          "Rule codes to suppress for this claim, each with a written reason: {CC201: \"why\"}."),
)

BY_NAME = {f.name: f for f in FIELDS}
# A draft's key fields, and the confidence below which extract's proposal for one is a guess.
UNSURE_FIELDS = ("metric", "entity", "period")
CONFIDENT = 0.4
UNNAMED = "?"  # the metric of a draft whose figure extract found no name for: never compared with another
TOP_LEVEL = sorted({f.path[0] for f in FIELDS})
SOURCE_KEYS = sorted(f.path[1] for f in FIELDS if len(f.path) == 2)
FOR_PEOPLE = ("wording",)  # read and checked, never kept: no rule reads them
COLUMNS = [f.name for f in FIELDS if f.type not in ("mapping", "list", "scores") and f.name not in FOR_PEOPLE]


def json_schema() -> dict:
    """The claim file format as JSON Schema (draft 2020-12), for editors."""
    def prop(f: Field) -> dict:
        p: dict = {"description": f.doc}
        if f.type == "str":
            p["type"] = "string"
            # YAML reads `period: 2022` and `id: 7` as numbers; both are accepted.
            if f.name in ("period", "id"):
                p["type"] = ["string", "integer"]
        elif f.type == "int":
            p.update(type="integer", minimum=1)
        elif f.type == "number":
            p["oneOf"] = [{"type": "number"}, {"type": "string"},
                          {"type": "array", "items": {"type": ["number", "string"]}, "minItems": 2, "maxItems": 2}]
        elif f.type == "scores":
            p.update(type="object", additionalProperties={"type": "number", "minimum": 0, "maximum": 1})
        elif f.type == "list":
            p.update(type="array", items={"type": "object", "minProperties": 1, "maxProperties": 1})
        elif f.type == "mapping":
            p.update(type="object", additionalProperties={"type": "string", "minLength": 1},
                     propertyNames={"pattern": r"^[A-Z]{2}\d{3}$"})
        if f.choices:
            p["enum"] = list(f.choices)
        if f.pattern and p.get("type") == "string":
            p["pattern"] = f.pattern
        return p

    top = {f.name: prop(f) for f in FIELDS if len(f.path) == 1}
    source = {f.path[1]: prop(f) for f in FIELDS if len(f.path) == 2}
    top["source"] = {
        "type": "object", "description": "Where the claim is printed.",
        "properties": source, "additionalProperties": False,
        "required": [f.path[1] for f in FIELDS if len(f.path) == 2 and f.required],
    }
    record = {
        "type": "object", "properties": top, "additionalProperties": False,
        "required": sorted({f.path[0] for f in FIELDS if f.required}),
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://claimcheck.invalid/schema/claims.schema.json",
        "title": "claimcheck claim file",
        "description": "A list of numeric claims, each tied to a verbatim quote in a source document.",
        "type": "array",
        "items": record,
    }
