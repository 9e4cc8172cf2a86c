"""The last run's findings, kept for the next: after an edit, only what the edit can change is checked again.

A rule with a SCOPE (columns of the claim table, such as metric and entity)
promises that each of its findings is about claims sharing one value of
those columns and depends on no claim outside it. For every scope value the
store keeps a digest of its rows: every column of the claim table, the
content key of the claim file and the digest of the cited document. The
next run computes the same digests (in DuckDB, over all rows at once), runs
such a rule only over the scope values whose digest changed, appeared or
went, and keeps the stored findings of all the others. A relation rule
(SCOPE = RELATIONS) promises that each finding is about one claim stating a
relation and the claims it names, and depends on nothing else: its scope
value is that claim, its digest covers the claim and its members, and it
runs again over the changed claims' edges, with every claim to join. A rule
with SCOPE = FILES promises that each finding is about one claim file and
follows from its content alone: it runs again over the changed files' rows
and problems. The document rules (CC4xx) read one document at a time, so a
document whose text is unchanged keeps its findings. Rules without a scope
run in full every time.

The store holds plain data (Arrow IPC files of typed columns, no pickles:
the digests, and one file per rule's findings) and is valid only in the
setting it names: claimcheck's code, the rules folder, tolerances,
severities and the documents folder. Any change there, a
damaged file, or another engine than the embedded one, and every rule runs
in full.
"""
from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import replace
from pathlib import Path

from checker.model.findings import Finding, Location
from checker.rules import DOCUMENTS, FILES, RELATIONS, scope_of


class Store:
    """The findings of the last run over these claim paths, and what is kept of them in this one."""

    def __init__(self, cache, paths: list, setting: str):
        self._cache = cache
        self._where = cache.run_file("findings", paths)
        self._setting = setting
        self._old = _read(self._where, setting)
        self._digests: dict = {}  # scope → Arrow table (skey, n, a, b) of this run
        self._changed: dict = {}  # scope → scope keys whose rows differ from the last run's (numpy array)
        self._keys: dict = {}  # scope → each row's scope key (numpy array, by row)
        self._parts: dict = {}  # scope → what its rules see of the changed values (see _changed_part)
        self._files: set = set()  # the claim files that changed (scope FILES)
        self._found: list = []  # (code, kept rows of the store, fresh findings, their scope keys, unchanged?)
        self._anew = False  # a rule had nothing stored and ran in full

    # documents ---------------------------------------------------------------

    def texts_to_check(self, texts) -> dict:
        """The documents whose findings cannot be kept (all of them when nothing is stored), path → lines.
        texts (checker.load.documents.Texts) reads only those, when the others' digests are noted."""
        again = self._compare_paths(DOCUMENTS, {path: texts.digest(path) for path in texts})
        return {path: texts[path] for path in texts if path in again}

    def document_findings(self, code: str, fresh: list) -> list:
        """The kept findings of a document rule beside those made now for the documents checked again."""
        return self._merge(code, DOCUMENTS, fresh, self._path_keys(code, DOCUMENTS, fresh))

    def _compare_paths(self, scope: str, digests: dict) -> set:
        """For a scope of files (path → hex digest of the content, None when unknown): the paths that changed."""
        import numpy as np
        import pyarrow as pa

        paths = list(digests)
        skeys = np.array([_number(path) for path in paths], dtype=np.uint64)
        sums = [int(d[:16], 16) if d else secrets.randbits(64) for d in digests.values()]  # unknown: changed
        changed = self._compare(scope, pa.table({
            "skey": skeys, "n": pa.array([1] * len(paths), pa.int64()),
            "a": pa.array([s >> 32 for s in sums], pa.int64()), "b": pa.array([s & 0xFFFFFFFF for s in sums], pa.int64())}))
        self._keys[scope] = dict(zip(paths, skeys.tolist()))
        again = set(changed.tolist())
        return {path for path, key in self._keys[scope].items() if key in again}

    def _path_keys(self, code: str, scope: str, fresh: list) -> list:
        """The scope keys of findings each about one file: the file of their first place."""
        keys = self._keys[scope]
        if any(not f.locations or f.locations[0].path not in keys for f in fresh):
            raise RuntimeError(f"{code} has the scope {scope}, but one of its findings is about no file of it")
        return [keys[f.locations[0].path] for f in fresh]

    # claims ------------------------------------------------------------------

    def measure(self, ctx, files: list, scopes: set) -> None:
        """This run's digest of every scope value of each scope, and which of them changed since the last run."""
        from checker.table.engines import cursor

        con = cursor()
        try:
            if FILES in scopes:
                self._files = self._compare_paths(FILES, dict(files))
            by_columns = sorted(scopes - {RELATIONS, FILES})
            self._hash_rows(con, ctx, files, by_columns)
            if RELATIONS in scopes:
                self._measure_relations(con, ctx)
            for at, scope in enumerate(by_columns):
                self._keys[scope] = _by_row(con, f"SELECT row, s{at} AS v FROM hashed", len(ctx.arrow))
                digests = con.sql(f"SELECT s{at} AS skey, count(*) AS n, sum(h >> 32)::BIGINT AS a, "
                                  f"sum(h & 4294967295)::BIGINT AS b FROM hashed GROUP BY s{at}").to_arrow_table()
                self._compare(scope, digests)
        finally:
            con.close()  # its tables go now, not when a collection finds the connection

    def _measure_relations(self, con, ctx) -> None:
        """A relation scope value is a claim stating relations (its row's hash), its digest its members' hashes."""
        con.register("edges", ctx.edges)
        self._keys[RELATIONS] = _by_row(con, "SELECT row, h AS v FROM hashed", len(ctx.arrow))
        self._compare(RELATIONS, con.sql(
            "SELECT o.h AS skey, count(*) AS n, sum(coalesce(m.h, 0) >> 32)::BIGINT AS a, "
            "sum(coalesce(m.h, 0) & 4294967295)::BIGINT AS b FROM edges e JOIN hashed o USING (row) "
            "LEFT JOIN hashed m ON m.row = e.member GROUP BY o.h").to_arrow_table())

    @staticmethod
    def _hash_rows(con, ctx, files: list, scopes: list) -> None:
        """The table `hashed`: each row's hash h of every column, its file's content key and its document's
        digest, and its key s0, s1, … in each scope (of columns), made in the same pass."""
        import pyarrow as pa

        con.register("claims", ctx.arrow)
        con.register("files", pa.table({"file": [p for p, _ in files], "key": [k for _, k in files]}))
        docs = sorted({d for d in ctx.arrow.column("doc").unique().to_pylist() if d})
        con.register("docs", pa.table({"doc": pa.array(docs, pa.string()),
                                       "digest": pa.array([ctx.docs.digest(d) for d in docs], pa.string())}))
        cells = _columns_of([name for name in ctx.arrow.column_names if name != "row"])
        keys = "".join(f", hash({_columns_of(scope)}) AS s{at}" for at, scope in enumerate(scopes))
        con.sql(
            f"CREATE TEMP TABLE hashed AS SELECT c.row, hash({cells}, f.key, d.digest, "
            f"CASE WHEN c.id IS NULL THEN c.row END) AS h{keys} FROM claims c LEFT JOIN files f USING (file) "
            "LEFT JOIN docs d USING (doc)")  # an id-less claim is named by its row, so its row counts too

    def check(self, module, ctx) -> list:
        """A scoped rule's findings: the kept ones, and those of the changed scope values checked now."""
        scope, code = scope_of(module), module.CODE
        if self._stored(code) is None:
            part = replace(ctx, made=[])
        else:
            part = self._changed_part(scope, ctx)
            if part is None:
                return self._merge(code, scope, [], [])  # nothing it looks at changed
        fresh = module.check(part)
        if scope == FILES:
            return self._merge(code, scope, fresh, self._path_keys(code, scope, fresh))
        first_rows = {id(f): row for f, row in part.made}  # the list keeps every finding made alive: ids stay theirs
        rows = [first_rows.get(id(f)) for f in fresh]
        if None in rows:
            raise RuntimeError(f"{code} has a SCOPE, but one of its findings names no claim")
        return self._merge(code, scope, fresh, self._keys[scope][rows].tolist())

    def _changed_part(self, scope, ctx):
        """What a scoped rule sees: the claim table's rows of the scope's changed values (a relation rule: the
        changed claims' edges, and every claim); None when there are none. Made once for all rules of the scope."""
        if scope not in self._parts:
            hold = ctx.engine.hold
            if scope == FILES:
                rows = _claim_rows(ctx, ctx.table.file.isin(sorted(self._files))) if self._files else None
                self._parts[scope] = None if rows is None else replace(
                    ctx, arrow=rows, relations=None, problems=[p for p in ctx.problems if p.path in self._files],
                    table=hold("claims_files", rows))
            elif scope == RELATIONS:
                at = self._changed_of(self._keys[scope][ctx.edges.column("row").to_numpy()], scope)
                self._parts[scope] = None if at is None else replace(
                    ctx, made=[], relations=hold("relations_changed", ctx.edges.take(at)))
            else:
                at = self._changed_of(self._keys[scope], scope)  # by row: the rows themselves
                rows = None if at is None else _claim_rows(ctx, ctx.table.row.isin(at.tolist()))
                self._parts[scope] = None if at is None else replace(
                    ctx, arrow=rows, relations=None, problems=[], made=[], table=hold("claims_" + "_".join(scope), rows))
        part = self._parts[scope]
        return None if part is None else replace(part, made=[])

    def _changed_of(self, keys, scope):
        """Where in keys (numpy) the scope keys that changed are; None when nowhere."""
        import numpy as np

        changed = np.sort(self._changed[scope])
        if not len(changed) or not len(keys):
            return None
        at = np.nonzero(changed[np.searchsorted(changed, keys).clip(max=len(changed) - 1)] == keys)[0]
        return at if len(at) else None  # a sorted search: each key looked up among few changed

    # the store ---------------------------------------------------------------

    def _compare(self, scope, digests) -> "object":
        """Note this run's digests of a scope; the scope keys whose rows changed (all, when nothing is stored)."""
        import numpy as np

        from checker.table.engines import duckdb

        self._digests[scope] = digests
        old = None if self._old is None else self._old.digests(scope)
        if old is None:
            changed = digests.column("skey").to_numpy()
        else:
            changed = duckdb().sql(
                "SELECT coalesce(n.skey, o.skey) AS skey FROM digests n FULL JOIN old o USING (skey) "
                "WHERE n.n IS DISTINCT FROM o.n OR n.a IS DISTINCT FROM o.a OR n.b IS DISTINCT FROM o.b"
            ).fetchnumpy()["skey"]
        self._changed[scope] = np.asarray(changed, dtype=np.uint64)
        return self._changed[scope]

    def _stored(self, code: str):
        return None if self._old is None else self._old.findings(code)

    def _merge(self, code: str, scope, fresh: list, skeys: list) -> list:
        """Stored findings of the unchanged scope values, then the fresh ones; both kept for the next run."""
        import pyarrow as pa
        import pyarrow.compute as pc

        stored = self._stored(code)
        kept, same = [], False
        self._anew = self._anew or stored is None
        if stored is not None:
            count = len(stored)
            stored = stored.filter(pc.invert(pc.is_in(stored.column("skey"), pa.array(self._changed[scope], pa.uint64()))))
            kept, same = _findings(stored), not fresh and len(stored) == count
        self._found.append((code, stored, fresh, skeys, same))  # made columns when saved: rules hold enough memory
        return kept + fresh

    def save(self) -> None:
        """Keep this run's findings and digests for the next run (when anything changed).

        Each rule's findings are a file of their own, written only when they changed (a rule's findings
        can be a hundred MB); the digests are written last and name the version of each rule's file
        they go with, so a run stopped in between leaves files that are not used, never wrong ones.
        """
        if self._old is not None and not self._anew and not any(len(c) for c in self._changed.values()):
            return  # the stored findings are these
        versions = {}
        for code, stored, fresh, skeys, same in self._found:
            if same:
                versions[code] = self._old.version(code)
                continue
            version = secrets.token_hex(8)
            schema = _finding_schema().with_metadata({"version": version})
            parts = ([] if stored is None else [stored]) + [_columns(fresh, skeys)]
            if self._cache.store_arrow(_rule_file(self._where, code), schema,
                                       (part.replace_schema_metadata(schema.metadata) for part in parts)):
                versions[code] = version  # a file that could not be written: that rule runs in full next time
        spans, at = {}, 0
        for scope, digests in self._digests.items():  # where each scope's rows are, taken as slices when read
            spans[_scope_name(scope)] = [at, len(digests)]
            at += len(digests)
        schema = _digest_schema().with_metadata({"setting": self._setting, "versions": json.dumps(versions),
                                                 "parts": json.dumps(spans, ensure_ascii=False)})
        self._cache.store_arrow(self._where, schema, (digests.select(schema.names).cast(_digest_schema())
                                                      .replace_schema_metadata(schema.metadata)
                                                      for digests in self._digests.values()))


class _Stored:
    """The last run's store, as read: the digests at once, a rule's findings when asked."""

    def __init__(self, table, where: Path):
        spans = json.loads(table.schema.metadata[b"parts"])
        self._by_part = {name: table.slice(at, count) for name, (at, count) in spans.items()}
        self._versions = json.loads(table.schema.metadata[b"versions"])  # the rules whose findings are kept
        self._where = where
        self._read: dict = {}

    def digests(self, scope):
        return self._by_part.get(_scope_name(scope))

    def version(self, code: str) -> str:
        return self._versions[code]

    def findings(self, code: str):
        """The rule's findings of the last run (None when it did not run, or its file is not the one listed)."""
        if code not in self._read:
            from checker.incremental.cache import read_arrow

            def read(reader):
                version = (reader.schema.metadata or {}).get(b"version")
                if version != self._versions[code].encode() or reader.schema.remove_metadata() != _finding_schema():
                    return None
                return reader.read_all()

            self._read[code] = read_arrow(_rule_file(self._where, code), read) if code in self._versions else None
        return self._read[code]


def _read(where: Path, setting: str) -> _Stored | None:
    from checker.incremental.cache import read_arrow

    def stored(reader):
        if (reader.schema.metadata or {}).get(b"setting") != setting.encode() or (
                reader.schema.remove_metadata() != _digest_schema()):
            return None
        return _Stored(reader.read_all(), where)

    return read_arrow(where, stored)


def _claim_rows(ctx, predicate):
    """The claim table's rows where predicate holds, as Arrow, by row: the engine scans the million rows (taking
    them from Arrow's thousands of chunks cost more)."""
    return ctx.arrow_of(ctx.table.filter(predicate).order_by("row"))


def _columns_of(names) -> str:
    """The claim table's columns, quoted, for SQL."""
    return ", ".join(f'c."{name}"' for name in names)


def _by_row(con, query: str, rows: int):
    """The values v of a query of (row, v) as an array by row: placed where they go, cheaper than ORDER BY."""
    import numpy as np

    got = con.sql(query).fetchnumpy()
    out = np.zeros(rows, dtype=np.uint64)
    out[got["row"]] = got["v"]
    return out


def _rule_file(where: Path, code: str) -> Path:
    """Where a rule's findings are kept, beside the digests."""
    return where.with_name(f"{where.stem}.{code}{where.suffix}")


def _place_types() -> tuple:
    """The Arrow types of Location's fields."""
    import pyarrow as pa

    return pa.string(), pa.int64(), pa.int64(), pa.string(), pa.int64()


def _digest_schema():
    """The digests of scope values: a scope key, the count of its rows and two sums of their hashes."""
    import pyarrow as pa

    return pa.schema([("skey", pa.uint64()), ("n", pa.int64()), ("a", pa.int64()), ("b", pa.int64())])


def _finding_schema():
    """A rule's kept findings: each one's scope key, and its fields."""
    import pyarrow as pa

    place = pa.struct(list(zip(Location._fields, _place_types())))
    return pa.schema([("skey", pa.uint64()), ("code", pa.string()), ("severity", pa.string()),
                      ("message", pa.string()), ("locations", pa.list_(place)), ("claims", pa.list_(pa.string())),
                      ("span", pa.string()), ("fix", pa.string())])


def _columns(findings: list, skeys: list):
    """Findings as the store's columns (places as five flat lists: a dict per place cost hundreds of MB)."""
    import pyarrow as pa

    places = [loc for f in findings for loc in f.locations]
    ends = [0]
    for f in findings:
        ends.append(ends[-1] + len(f.locations))
    flat = pa.StructArray.from_arrays(
        [pa.array([loc[i] for loc in places], kind) for i, kind in enumerate(_place_types())], names=Location._fields)
    return pa.table({
        "skey": pa.array(skeys, pa.uint64()),
        "code": pa.array([f.code for f in findings], pa.string()),
        "severity": pa.array([f.severity for f in findings], pa.string()),
        "message": pa.array([f.message for f in findings], pa.string()),
        "locations": pa.ListArray.from_arrays(pa.array(ends, pa.int32()), flat),
        "claims": pa.array([list(f.claims) for f in findings], pa.list_(pa.string())),
        "span": pa.array([f.span for f in findings], pa.string()),
        "fix": pa.array([f.fix for f in findings], pa.string())}, schema=_finding_schema())


def _findings(table) -> list:
    """The store's columns as findings again: each column a list at once, then one object per finding. Paths,
    roles, codes and severities repeat: each distinct one is one string (a copy each cost 3 KB per finding)."""
    from itertools import repeat

    places = table.column("locations").combine_chunks()
    flat = places.flatten()
    made = list(map(tuple.__new__, repeat(Location), zip(
        _shared(flat.field("path")), flat.field("line").to_pylist(), flat.field("column").to_pylist(),
        _shared(flat.field("role")), flat.field("page").to_pylist())))
    ends = places.offsets.to_pylist()
    ends = [end - ends[0] for end in ends]  # a slice's offsets count from the whole array's start
    claims = map(tuple, table.column("claims").to_pylist())
    places = (tuple(made[start:end]) for start, end in zip(ends, ends[1:]))
    columns = [_shared(table.column("code")), _shared(table.column("severity")), table.column("message").to_pylist()]
    rest = [table.column(name).to_pylist() for name in ("span", "fix")]
    unconfirmed = repeat("")  # the guess a finding rests on is found again each run (checker.run.unconfirmed)
    return list(map(tuple.__new__, repeat(Finding), zip(*columns, places, claims, *rest, unconfirmed)))


def _shared(column) -> list:
    """A column of few distinct strings as a list holding one string object per distinct value."""
    import pyarrow.compute as pc

    encoded = pc.dictionary_encode(column)
    if hasattr(encoded, "combine_chunks"):
        encoded = encoded.combine_chunks()
    words = encoded.dictionary.to_pylist()
    return [None if at is None else words[at] for at in encoded.indices.to_pylist()]


def _scope_name(scope) -> str:
    return scope if isinstance(scope, str) else "@" + ",".join(scope)


def _number(text: str) -> int:
    """64 bits of a digest of text (a document's path), as a number."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")


def setting(files, docs: str | None, tolerances, severities: dict, references: str = "") -> str:
    """What every stored finding depends on besides the claims and documents: code, rules folder, options, and
    the reference sets (a contradiction between two official editions is milder)."""
    from importlib.metadata import version

    from checker import LAYERS, __version__
    from checker.incremental.fingerprint import code_digest

    # DuckDB's hash makes the digests: its version, not its module (loading it here would skip its setting)
    digest = hashlib.sha256(f"claimcheck {__version__} duckdb {version('duckdb')}\0".encode())
    digest.update(code_digest(*LAYERS).encode())
    digest.update(files.digest().encode())  # the built-in data and the project's rules folder
    folder = str(Path(docs).resolve()) if docs else ""
    digest.update(repr((folder, sorted((tolerances or {}).items()), sorted(severities.items()))).encode())
    digest.update(references.encode())
    return digest.hexdigest()
