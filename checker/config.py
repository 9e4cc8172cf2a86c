"""Project settings from `[tool.claimcheck]` in pyproject.toml or from .claimcheck.yaml.

Command-line options win over the file; the file wins over built-in defaults.
"""
from __future__ import annotations

from pathlib import Path

from checker.engines import ENGINES

KEYS = {
    "claims": list, "docs": str, "rules": str, "select": list, "ignore": list, "severity": dict,
    "fail_on": str, "baseline": str, "suppressions": str, "tolerances": dict,
    "engine": str, "cache_dir": str,
    "encoding": str, "max_file_size": str,  # how input files are read (checker.inputs)
}
LEVELS = ("error", "warning", "info")


class ConfigError(Exception):
    pass


def load(folder: Path = Path(".")) -> tuple[dict, str | None]:
    """(settings, where they came from); empty when there is no configuration.

    A command asks several times (for how to read files, for its options,
    for where an option came from); the files are parsed again only when
    their bytes change.
    """
    found = _files(folder)
    if _read.get("seen") != found:
        try:
            _read["settings"] = _parse(folder)
        except ConfigError:
            _read.pop("seen", None)
            raise
        _read["seen"] = found
    conf, where = _read["settings"]
    return dict(conf), where


_read: dict = {}  # the last settings files seen (path and bytes) and what they said


def _files(folder: Path) -> tuple:
    out = []
    for name in ("pyproject.toml", ".claimcheck.yaml"):
        try:
            out.append((str((folder / name).resolve()), (folder / name).read_bytes()))
        except OSError:
            continue
    return tuple(out)


def _parse(folder: Path) -> tuple[dict, str | None]:
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        import tomllib

        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{pyproject}: {exc}") from None
        section = data.get("tool", {}).get("claimcheck")
        if section is not None:
            return _check(section, f"{pyproject} [tool.claimcheck]"), str(pyproject)
    yaml_file = folder / ".claimcheck.yaml"
    if yaml_file.is_file():
        from checker.loader import LoadError, read_text, read_yaml

        try:
            data = read_yaml(read_text(yaml_file), str(yaml_file), [])
        except LoadError as exc:
            raise ConfigError(str(exc)) from None
        return _check(data or {}, str(yaml_file)), str(yaml_file)
    return {}, None


def _check(data, where: str) -> dict:
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a table of settings")
    out = {}
    for key, value in data.items():
        name = key.replace("-", "_")
        if name not in KEYS:
            raise ConfigError(f"{where}: unknown setting `{key}`{_nearest(name)} (known: {', '.join(sorted(KEYS))})")
        if not isinstance(value, KEYS[name]):
            raise ConfigError(f"{where}: `{key}` must be a {KEYS[name].__name__}")
        out[name] = value
    if out.get("fail_on", "error") not in LEVELS:
        raise ConfigError(f"{where}: `fail-on` must be one of {', '.join(LEVELS)}")
    if out.get("engine", "duckdb") not in ENGINES:
        raise ConfigError(f"{where}: `engine` must be one of {', '.join(ENGINES)}")
    _check_inputs(out, where)
    for code, level in (out.get("severity") or {}).items():
        if level not in LEVELS:
            raise ConfigError(f"{where}: severity of {code} must be one of {', '.join(LEVELS)}")
    tolerances = out.get("tolerances") or {}
    for name, value in tolerances.items():
        if name not in ("about", "nearly") or not isinstance(value, (int, float)) or not 0 <= value < 1:
            raise ConfigError(f"{where}: tolerances are `about` and `nearly`, each a fraction from 0 to 1")
    if tolerances:
        from decimal import Decimal

        out["tolerances"] = {k: Decimal(repr(v)) for k, v in tolerances.items()}
    return out


def _check_inputs(out: dict, where: str) -> None:
    """`encoding` must be known; `max-file-size` is read into bytes."""
    from checker import inputs

    try:
        if "encoding" in out:
            out["encoding"] = inputs.check_encoding(out["encoding"])
        if "max_file_size" in out:
            out["max_file_size"] = inputs.parse_size(out["max_file_size"])
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None


def _nearest(name: str) -> str:
    import difflib

    near = difflib.get_close_matches(name, list(KEYS), n=1)
    return f" (did you mean `{near[0].replace('_', '-')}`?)" if near else ""
