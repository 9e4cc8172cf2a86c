"""Every claim file of a run → one Records table and the problems met, as fast as the files allow.

A file whose content key the cache holds is not parsed again; the run's pack
gives the rows of unchanged files as slices; the file-status memo gives the
key of a file whose status is unchanged without reading it; files the cache
lacks are parsed in helper processes when there are many (checker.io.processes).
Parsing one file is checker.load.claimfile.
"""
from __future__ import annotations

from pathlib import Path

from checker.incremental import cache as entries
from checker.incremental import pack as packs
from checker.io import processes, reading
from checker.io.yamlfile import LoadError, Problem
from checker.load.claimfile import load_text
from checker.model.records import Records


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
    """Every record of the claim files, and the problems met; cache (checker.incremental.cache) skips unchanged files.

    jobs > 1 parses the files the cache does not hold in that many helper
    processes (0: one per core when they hold over PARALLEL_BYTES); records
    and problems come out in file order all the same. meaning
    (checker.table.readings.ReadingColumns) gives each file's rows what they mean as
    well, made with them and cached with them. With a cache, the run's pack
    (checker.incremental.pack) gives the rows of unchanged files, and records.files
    names each file's content key. known (checker.incremental.filestatus) gives the content
    key of a file whose status is unchanged without reading it.
    """
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
                key, met = keys[path], entries.placed(kept, str(path), first)
                cache.hits += 1
            else:
                taken.flush()
                if path in elsewhere.paths:
                    chunk, met, key = elsewhere.next(str(path), first)
                else:
                    chunk, met, key = _here(path, cache, elsewhere.keys.get(path), first, meaning)
                records.add(chunk)
            problems.extend(met)
            listed.append((key, first, taken.rows() - first, entries.portable(met, first)))
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
        except reading.ReadError:
            pass
    return out


def _key(path: Path, known) -> str:
    """The file's content key: noted with its status, or made from its bytes (and noted)."""
    before = known.status(path) if known is not None else None
    key = known.get(str(path), before) if before else None
    if key is None:
        key = entries.content_key(reading.read_bytes(path))
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

        self.paths: set = set()
        self.keys: dict = {}  # path → its key, for the files the cache holds (read and hashed once, in load)
        self._cache, self._meaning, self._pool, self._results = cache, meaning, None, None
        if cache:
            self.keys = {path: keys[path] for path in files if path in keys and cache.holds(keys[path])}
        if jobs == 1:
            return
        lacking = [path for path in files if path not in self.keys]
        if jobs == 0:
            jobs = processes.auto_jobs(sum(_size(path) for path in lacking), PARALLEL_BYTES)
        if jobs < 2 or len(lacking) < 2:
            return
        from concurrent.futures import ProcessPoolExecutor

        self._pool = ProcessPoolExecutor(jobs, mp_context=processes.context(), initializer=_start_parser,
                                         initargs=(cache, meaning, reading.current()))
        self.paths = set(lacking)
        self._results = self._pool.map(_parse_here, [str(path) for path in lacking], chunksize=4)

    def next(self, path: str, first_row: int):
        from concurrent.futures.process import BrokenProcessPool

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
        return chunk, entries.placed(kept, path, first_row), key

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
    reading.keep(limits)


def _parse_here(path: str):
    """In a helper process: one file's chunk and problems (rows counted from the file)."""
    chunk, problems, key = _here(Path(path), _PARSING[0], None, 0, _PARSING[1])
    return chunk, entries.portable(problems, 0), key


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
        return reading.read_bytes(path)
    except reading.ReadError as exc:
        raise LoadError(str(exc)) from None


def _decode(data: bytes, path: Path) -> str:
    try:
        return reading.decode(data, path)
    except reading.ReadError as exc:
        raise LoadError(str(exc)) from None


