"""The settings of a run: the command line over the project's configuration over built-in defaults.

The configuration is `[tool.claimcheck]` in pyproject.toml or
.claimcheck.yaml in the folder the run starts from. `resolve` merges the
three once into a typed, immutable Settings; the command line and a library
caller pass the same object to checker.run.runner.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, fields
from decimal import Decimal
from pathlib import Path

from checker.io import reading
from checker.model.findings import SEVERITIES

ENGINES = ("duckdb", "spark")  # where the cross-claim rules run: embedded, or a Spark cluster
DEFAULT_CACHE = ".claimcheck-cache"
DEFAULT_RULES = "rules"  # the project's rules folder, read when it exists and no other is named
DEFAULT_SUPPRESSIONS = ".claimcheck-ignore.yaml"  # read when it exists and no other file is named

# Each setting the configuration file may hold, and its type there.
KEYS = {
    "claims": list, "docs": str, "rules": str, "select": list, "ignore": list, "severity": dict,
    "fail_on": str, "baseline": str, "suppressions": str, "tolerances": dict,
    "engine": str, "cache_dir": str, "reference": list,
    "spark": dict,  # [tool.claimcheck.spark]: Spark configuration (spark.master, spark.driver.memory, …)
    "encoding": str, "max_file_size": str,  # how input files are read (checker.io.reading)
}


class SettingsError(Exception):
    """A setting that cannot be used (exit code 2); the message names where it was written."""


@dataclass(frozen=True)
class Settings:
    claims: tuple[str, ...] = ("claims",)  # claim files or folders
    docs: str | None = None  # the folder source.doc is relative to
    rules: str | None = None  # the project's rules folder, adding to the built-in data; None: the built-in alone
    select: tuple[str, ...] | None = None  # only these rule codes; None: every rule of the command
    ignore: tuple[str, ...] = ()  # never these rule codes
    severity: dict = field(default_factory=dict)  # rule code → severity, over the rule's own
    fail_on: str = "error"  # exit 1 when a finding at or above this severity remains
    baseline: str | None = None  # findings accepted as known (checker.run.suppressions)
    suppressions: str | None = None  # the document suppressions file
    tolerances: dict = field(default_factory=dict)  # about/nearly → the width of 约 and 近, as Decimal
    engine: str = "duckdb"
    cache_dir: str | None = DEFAULT_CACHE  # None: read and write no cache
    jobs: int = 0  # processes; 0 chooses by the size of the input (checker.io.processes.auto_jobs)
    encoding: str | None = None  # of documents that are neither UTF-8 nor marked
    max_file_size: int = reading.DEFAULT_MAX_BYTES
    reference: tuple[str, ...] = ()  # reference sets (a built-in name such as national, or a folder)
    spark: dict = field(default_factory=dict)  # Spark configuration for --engine spark, over spark-defaults.conf
    origins: dict = field(default_factory=dict, compare=False)  # setting → where it was written, if not by default

    @property
    def limits(self) -> reading.Limits:
        return reading.Limits(self.max_file_size, self.encoding)

    def origin(self, name: str) -> str:
        """Where a setting came from, for messages: `--select`, or `select` of pyproject.toml."""
        return self.origins.get(name, f"--{name.replace('_', '-')}")


def resolve(given: dict | None = None, folder: Path = Path("."), command: str = "check") -> Settings:
    """Settings from the command line (given: names of Settings, None for what was not given), then the
    configuration file in folder, then the defaults. command: the command they are for; only check reads a
    baseline, and lint, extract and vocabulary read no claims and no documents folder."""
    given = {k: v for k, v in (given or {}).items() if v is not None and v != [] and v != ()}
    unknown = set(given) - {f.name for f in fields(Settings)}
    if unknown:
        raise TypeError(f"not a setting: {', '.join(sorted(unknown))}")
    if isinstance(given.get("max_file_size"), str):  # the file's values were read by read_configuration
        given["max_file_size"] = _size(given["max_file_size"], "--max-file-size")
    if "encoding" in given:
        given["encoding"] = _encoding(given["encoding"], "--encoding")
    conf, where = read_configuration(folder)
    merged = {**conf, **given}
    origins = {name: f"`{name.replace('_', '-')}` of {where}" for name in conf if name not in given}
    if command in _NO_CLAIMS:  # documents named on the command line, or none; no claims
        merged["claims"] = ()
        merged.pop("docs", None)
    if command != "check":
        merged.pop("baseline", None)
    if "docs" not in merged and command not in _NO_CLAIMS:
        beside = _documents_beside(given.get("claims") or ())
        if beside is not None:
            merged["docs"] = beside
            origins["docs"] = DOCS_BESIDE
    if "rules" not in merged and (folder / DEFAULT_RULES).is_dir():
        merged["rules"] = DEFAULT_RULES
    if "suppressions" not in merged and (folder / DEFAULT_SUPPRESSIONS).exists():
        merged["suppressions"] = DEFAULT_SUPPRESSIONS
    if "claims" in merged:
        merged["claims"] = tuple(str(v) for v in merged["claims"])
    if "reference" in merged:
        merged["reference"] = tuple(str(v) for v in merged["reference"])
    for name in ("select", "ignore"):  # codes as people type them: cc201, "CC201,CC202"
        if name in merged:
            merged[name] = tuple(c.strip().upper() for v in merged[name] for c in str(v).split(",") if c.strip())
    _check_values(merged, origins)
    return Settings(**merged, origins=origins)


_NO_CLAIMS = ("lint", "extract", "vocabulary", "text")  # commands that read no claims and no documents folder
DOCS_BESIDE = "the claim file's folder, which holds the documents it quotes"


def _documents_beside(claims) -> str | None:
    """The folder of the one claim file given, when no documents folder is: `claimcheck extract report.txt -o
    claims.yaml` then `claimcheck check claims.yaml`. Taken only when a document the file names is there."""
    if len(claims) != 1 or not Path(str(claims[0])).is_file():
        return None
    path = Path(str(claims[0]))
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")[:_NAMES_READ]
    except OSError:
        return None
    folder = path.parent
    names = {m.group(1).strip("'\"") for m in _DOC_NAME.finditer(text)}
    return str(folder) if any((folder / name).is_file() for name in names if name) else None


_DOC_NAME = re.compile(r"\bdoc:[ \t]*([^,}\n]+?)[ \t]*(?:[,}]|$)", re.M)  # block or flow style
_NAMES_READ = 1_000_000  # characters: the documents a claim file quotes are named in its first records


def read_configuration(folder: Path = Path(".")) -> tuple[dict, str | None]:
    """(settings, the file they came from) of the project in folder; empty when it has none."""
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        import tomllib

        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SettingsError(f"{pyproject}: {exc}") from None
        section = data.get("tool", {}).get("claimcheck")
        if section is not None:
            return _checked(section, f"{pyproject} [tool.claimcheck]"), str(pyproject)
    yaml_file = folder / ".claimcheck.yaml"
    if yaml_file.is_file():
        from checker.io.yamlfile import (  # PyYAML: only when there is YAML to read
            LoadError,
            read_text,
            read_yaml,
        )

        try:
            data = read_yaml(read_text(yaml_file), str(yaml_file), [])
        except LoadError as exc:
            raise SettingsError(str(exc)) from None
        return _checked(data or {}, str(yaml_file)), str(yaml_file)
    return {}, None


def _checked(data, where: str) -> dict:
    """The file's settings by name, each of the type KEYS gives."""
    if not isinstance(data, dict):
        raise SettingsError(f"{where}: expected a table of settings")
    out = {}
    for key, value in data.items():
        name = key.replace("-", "_")
        if name not in KEYS:
            raise SettingsError(f"{where}: unknown setting `{key}`{_nearest(name)} (known: {', '.join(sorted(KEYS))})")
        if not isinstance(value, KEYS[name]):
            raise SettingsError(f"{where}: `{key}` must be a {KEYS[name].__name__}")
        out[name] = value
    if "cache_dir" in out and not out["cache_dir"]:
        out["cache_dir"] = None
    tolerances = out.get("tolerances") or {}
    for name, value in tolerances.items():
        if name not in ("about", "nearly") or not isinstance(value, (int, float)) or not 0 <= value < 1:
            raise SettingsError(f"{where}: tolerances are `about` and `nearly`, each a fraction from 0 to 1")
    if tolerances:
        out["tolerances"] = {k: Decimal(repr(v)) for k, v in tolerances.items()}
    if "encoding" in out:  # read in the file's own words, with the file named
        out["encoding"] = _encoding(out["encoding"], f"{where}: `encoding`")
    if "max_file_size" in out:
        out["max_file_size"] = _size(out["max_file_size"], f"{where}: `max-file-size`")
    _check_values(out, {name: where for name in out})
    return out


def _check_values(values: dict, origins: dict) -> None:
    def where(name: str) -> str:
        return origins.get(name, f"--{name.replace('_', '-')}")

    if values.get("fail_on", "error") not in SEVERITIES:
        raise SettingsError(f"{where('fail_on')}: `fail-on` must be one of {', '.join(SEVERITIES)}")
    if values.get("engine", "duckdb") not in ENGINES:
        raise SettingsError(f"{where('engine')}: `engine` must be one of {', '.join(ENGINES)}")
    for name in values.get("spark") or {}:
        if not str(name).startswith("spark."):
            raise SettingsError(f"{where('spark')}: `{name}` is not a Spark setting (they start with spark., "
                                "e.g. spark.master, spark.driver.memory)")
    for code, level in (values.get("severity") or {}).items():
        if level not in SEVERITIES:
            raise SettingsError(f"{where('severity')}: severity of {code} must be one of {', '.join(SEVERITIES)}")


def _size(text, where: str) -> int:
    try:
        return reading.parse_size(text)
    except ValueError as exc:
        raise SettingsError(f"{where}: {exc}") from None


def _encoding(name: str, where: str) -> str:
    try:
        return reading.check_encoding(name)
    except ValueError as exc:
        raise SettingsError(f"{where}: {exc}") from None


def _nearest(name: str) -> str:
    near = difflib.get_close_matches(name, list(KEYS), n=1)
    return f" (did you mean `{near[0].replace('_', '-')}`?)" if near else ""
