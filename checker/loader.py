"""Claim files → flat records with the line of every field.

YAML is read with the safe loader (no tags that build Python objects); each
mapping remembers where its keys stand so every later message can name
file:line. Problems found here are kept as data and reported by the rule
modules that own their codes.
"""
from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

from checker import fields as F
from checker import inputs
from checker.documents import INVISIBLE, char_name
from checker.records import Record, Records, make_record  # noqa: F401 (Record is the loader's output)

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
                what = _show(node.value) if isinstance(node, yaml.ScalarNode) else f"a {node.id}"
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


def claim_files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(sorted(q for q in path.rglob("*") if q.suffix in (".yaml", ".yml") and q.is_file()))
        elif path.is_file():
            out.append(path)
        else:
            raise LoadError(f"{p}: no such file or folder")
    return out


def load(paths: list[str], cache=None, jobs: int = 1, meaning=None, known=None) -> tuple[Records, list[Problem]]:
    """Every record of the claim files, and the problems met; cache (checker.cache) skips unchanged files.

    jobs > 1 parses the files the cache does not hold in that many helper
    processes (0: one per core when they hold over PARALLEL_BYTES); records
    and problems come out in file order all the same. meaning
    (checker.table.ReadingColumns) gives each file's rows what they mean as
    well, made with them and cached with them. With a cache, the run's pack
    (checker.pack) gives the rows of unchanged files, and records.files
    names each file's content key. known (checker.known) gives the content
    key of a file whose status is unchanged without reading it.
    """
    from checker import pack as packs
    from checker.cache import placed, portable

    files = claim_files(paths)
    records = Records()
    problems: list[Problem] = []
    keys = _keys(files, known) if cache else {}
    where = packs.place(cache, paths) if cache else None
    pack = packs.read(where) if cache else None
    packed = {path: held for path in files if pack and (held := pack.find(keys.get(path), meaning))}
    taken = _Taken(pack, records)
    listed: list[tuple] = []  # (key, first row, rows, portable problems) of each file, for the pack and the findings
    with _Parsers([path for path in files if path not in packed], cache, jobs, meaning, keys) as elsewhere:
        for path in files:
            first = taken.rows()
            if path in packed:
                at, count, kept = packed[path]
                taken.take(at, count, str(path))
                key, met = keys[path], placed(kept, str(path), first)
                cache.hits += 1
            else:
                taken.flush()
                if path in elsewhere.paths:
                    chunk, met, key = elsewhere.next(str(path), first)
                else:
                    chunk, met, key = _here(path, cache, elsewhere.keys.get(path), first, meaning)
                records.add(chunk)
            problems.extend(met)
            listed.append((key, first, taken.rows() - first, portable(met, first)))
        taken.flush()
    records.files = [(str(path), key) for path, (key, *_) in zip(files, listed)]
    if cache and packs.due(pack, len(records) - taken.total, len(records)):
        packs.write(cache, where, [chunk for _, chunk in records.spans()], listed, meaning)
    return records, problems


def _keys(files: list[Path], known=None) -> dict:
    """Each readable file's content key (one that cannot be read is reported in its turn, in file order)."""
    out = {}
    for path in files:
        try:
            out[path] = _key(path, known)
        except inputs.ReadError:
            pass
    return out


def _key(path: Path, known) -> str:
    """The file's content key: noted with its status, or made from its bytes (and noted)."""
    from checker.cache import content_key

    before = known.status(path) if known is not None else None
    key = known.get(str(path), before) if before else None
    if key is None:
        key = content_key(inputs.read_bytes(path))
        if before:
            known.note(str(path), before, key)
    return key


class _Taken:
    """Rows taken from the pack, file after file, placed as one slice while they follow each other there."""

    def __init__(self, pack, records: Records):
        self._pack, self._records = pack, records
        self._first = self._stop = 0
        self._paths: list = []
        self.total = 0  # rows the pack gave

    def rows(self) -> int:
        """Rows placed so far, these included."""
        return len(self._records) + len(self._paths)

    def take(self, first: int, rows: int, path: str) -> None:
        if self._paths and first != self._stop:
            self.flush()
        if not self._paths:
            self._first = self._stop = first
        self._stop += rows
        self._paths.extend([path] * rows)
        self.total += rows

    def flush(self) -> None:
        if self._paths:
            for chunk in self._pack.chunks(self._first, self._stop, self._paths):
                self._records.add(chunk)
            self._paths = []


PARALLEL_BYTES = 8 << 20  # below this much YAML to parse, starting processes costs more than it saves
_PARSING: tuple | None = None  # in a helper process: the cache and what makes readings (see _start_parser)


class _Parsers:
    """The files the cache lacks, parsed in helper processes ahead of the main loop, handed over in order.

    Should a process die, the files not yet handed over are parsed here:
    the same records, later.
    """

    def __init__(self, files: list[Path], cache, jobs: int, meaning, keys: dict):
        import os

        from checker import processes

        self.paths: set = set()
        self.keys: dict = {}  # path → its key, for the files the cache holds (read and hashed once, in load)
        self._cache, self._meaning, self._pool, self._results = cache, meaning, None, None
        if cache:
            self.keys = {path: keys[path] for path in files if path in keys and cache.holds(keys[path])}
        if jobs == 1:
            return
        lacking = [path for path in files if path not in self.keys]
        if jobs == 0:
            jobs = (os.cpu_count() or 1) if sum(_size(path) for path in lacking) > PARALLEL_BYTES else 1
        if jobs < 2 or len(lacking) < 2:
            return
        from concurrent.futures import ProcessPoolExecutor

        self._pool = ProcessPoolExecutor(jobs, mp_context=processes.context(), initializer=_start_parser,
                                         initargs=(cache, meaning, inputs.current()))
        self.paths = set(lacking)
        self._results = self._pool.map(_parse_here, [str(path) for path in lacking], chunksize=4)

    def next(self, path: str, first_row: int):
        from concurrent.futures.process import BrokenProcessPool

        from checker.cache import placed

        done = None
        if self._results is not None:
            try:
                done = next(self._results)  # a process's LoadError is raised here, in file order
            except BrokenProcessPool:
                self._results = None
        if done is None:
            return _here(Path(path), self._cache, None, first_row, self._meaning)
        if self._cache:
            self._cache.misses += 1  # counted here: the processes' own counts stay with them
        chunk, kept, key = done
        return chunk, placed(kept, path, first_row), key

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)  # what still runs is a few short files


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the main loop reports it


def _start_parser(cache, meaning, limits) -> None:
    """In a helper process: the main process's cache, readings and limits on reading files."""
    global _PARSING
    _PARSING = (cache, meaning)
    inputs.keep(limits)


def _parse_here(path: str):
    """In a helper process: one file's chunk and problems (rows counted from the file)."""
    from checker.cache import portable

    chunk, problems, key = _here(Path(path), _PARSING[0], None, 0, _PARSING[1])
    return chunk, portable(problems, 0), key


def _here(path: Path, cache, key: str | None, first_row: int, meaning=None) -> tuple:
    """One file's records as a chunk, its problems and its content key (None without a cache): from the cache
    under key (given, or from the file's bytes), else parsed here and stored; with what the rows mean when asked
    (meaning)."""
    data = None
    if cache and key is None:
        data = _read_bytes(path)
        key = cache.key(data)
    hit = cache.get(key, str(path), first_row, meaning) if cache else None
    if hit:
        chunk, problems = hit
        if meaning and chunk.readings is None:  # stored in another setting (units, a document): read again
            chunk.readings = meaning(list(chunk.records(first_row)))
            cache.put(key, chunk, problems, first_row, meaning)
        return chunk, problems, key
    if data is None:  # no cache, or a key found earlier whose entry is gone: the file as it is now
        data = _read_bytes(path)
        key = cache.key(data) if cache else None
    found: list = []
    problems: list = []
    load_text(_decode(data, path), str(path), found, problems, first_row)
    chunk = Records.chunk_of(found)
    if meaning:
        chunk.readings = meaning(found)
    if cache:
        cache.put(key, chunk, problems, first_row, meaning)
    return chunk, problems, key


def _read_bytes(path: Path) -> bytes:
    try:
        return inputs.read_bytes(path)
    except inputs.ReadError as exc:
        raise LoadError(str(exc)) from None


def read_text(path: Path) -> str:
    """A claim, rules or settings file's text; a file that cannot be read raises LoadError naming it."""
    try:
        return inputs.read_text(path)
    except inputs.ReadError as exc:
        raise LoadError(str(exc)) from None


def _decode(data: bytes, path: Path) -> str:
    try:
        return inputs.decode(data, path)
    except inputs.ReadError as exc:
        raise LoadError(str(exc)) from None


def load_text(text: str, path: str, records: list, problems: list, first_row: int = 0) -> None:
    """Append the records of one claim file, numbered from first_row plus those records already holds."""
    from checker import bulk  # imports this module

    fast = bulk.parse(text)  # plainly written files, about ten times faster; None sends the rest to PyYAML
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
    values.pop("confidence", None)  # advice for people; no rule reads it
    return make_record(row, path, item.line, item.column, values, lines, ignore, relations)


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
                                f"field `{'.'.join(f.path)}` must be {expected}, got {_show(value)}", row, f.name))
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


def _show(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def check_regex(pattern, path, text: str, key: str):
    """Compile a pattern from a rules file, or say which file, line and key hold the bad one."""
    import re

    try:
        return re.compile(pattern)
    except (re.error, TypeError) as exc:
        at = text.find(str(pattern)) if isinstance(pattern, str) and pattern else -1
        line = text.count("\n", 0, at) + 1 if at >= 0 else 1
        raise LoadError(f"{path}:{line}: `{key}`: bad regular expression {pattern!r}: {exc}") from None
