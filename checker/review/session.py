"""What the review page shows and saves: one check run held in memory, run again after every save.

Everything a request names is looked up in what the run read: a document
must be in the documents folder, a claim file must be one of the run's (or
a new file inside the first claim folder); nothing else is read or written.
A claim file changed on disk since the page loaded it is not overwritten.
"""
from __future__ import annotations

import threading
import time
from collections import defaultdict
from pathlib import Path

import yaml

from checker.extract.drafts import rejected
from checker.io.reading import ReadError
from checker.io.writing import WriteError, atomic_write, read_exact
from checker.load.documents import documents_in
from checker.report.marks import claim_marks
from checker.review import editing

EDITABLE = ("metric", "entity", "period", "kind", "unit", "qualifier", "note")


class Refused(Exception):
    """A request the review does not carry out; status is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


class Review:
    def __init__(self, settings, extractor=None):
        self.settings = settings
        self.lock = threading.Lock()
        self.extractor = extractor
        self.result = None
        self.seconds = 0.0  # how long the last check took
        self._figures: dict[str, list] = {}  # document name → the extractor's drafts of it (figures not captured)

    # -- the run --------------------------------------------------------------------------------------

    def refresh(self) -> None:
        from checker.run import runner

        start = time.perf_counter()
        result = runner.run(self.settings, "check")
        ctx = result.context
        by_id, by_doc = {}, defaultdict(list)
        for rec in ctx.records:
            by_id[rec.values.get("id")] = rec
            if rec.values.get("doc"):
                by_doc[rec.values["doc"]].append(rec)
        findings_of = defaultdict(list)
        for f in result.findings:
            for cid in f.claims:
                findings_of[cid].append(f)
        self.result, self.by_id, self.by_doc, self.findings_of = result, by_id, by_doc, findings_of
        self.rejected = self._rejected()
        self.marks = claim_marks(ctx)
        self.seconds = time.perf_counter() - start

    def count_in_background(self) -> threading.Thread:
        """Find the figures not captured in every document, one document at a time, so that the list shows
        them without waiting for each document to be opened."""
        def work():
            for name in self._folder_documents():
                with self.lock:
                    if name not in self._figures:
                        try:
                            self._uncaptured(name)
                        except Refused:
                            continue  # a document that cannot be read says so when opened
        thread = threading.Thread(target=work, name="claimcheck-review-figures", daemon=True)
        thread.start()
        return thread

    # -- what the page shows --------------------------------------------------------------------------

    def documents(self) -> list[dict]:
        names = sorted(set(self._folder_documents()) | set(self.by_doc))
        out = []
        for name in names:
            recs = self.by_doc.get(name, [])
            drafts = sum(1 for r in recs if r.values.get("status") == "draft")
            found = {id(f) for r in recs for f in self.findings_of.get(r.values.get("id"), [])}
            out.append({"name": name, "drafts": drafts, "confirmed": len(recs) - drafts, "findings": len(found),
                        "uncaptured": len(self._uncaptured(name)) if name in self._figures else None})
        return out

    def document(self, name: str) -> dict:
        lines = self._lines(name)
        path = self.result.context.docs.path_for(name)
        figures = []
        for rec in self.by_doc.get(name, []):
            figures.extend(self._claim_figure(rec, path))
        for d in self._uncaptured(name):
            figures.append({"line": d.line, "start": d.start, "end": d.start + len(d.surface), "surface": d.surface,
                            "state": "none", "proposal": self._proposal(d)})
        figures.sort(key=lambda f: (f["line"], f["start"]))
        findings = [self._finding(f) for f in self._findings_in(name, path)]
        files = sorted({r.path for r in self.by_doc.get(name, [])})
        return {"name": name, "lines": lines, "figures": figures, "findings": findings,
                "files": {p: self._digest(p) for p in files}, "target": self._target_file(name),
                "seconds": round(self.seconds, 3)}

    def vocabulary(self, kind: str, prefix: str, limit: int = 2000) -> list[str]:
        registry = self.result.context.registry
        terms = registry.metrics if kind == "metric" else registry.entities
        return [n for n in sorted(terms.terms) if prefix in n][:limit]

    # -- saving ---------------------------------------------------------------------------------------

    def save(self, request: dict) -> dict:
        action = request.get("action")
        with self.lock:
            if action in ("confirm", "correct"):
                name = self._confirm(request)
            elif action == "reject":
                name = self._reject(request)
            elif action == "draft":
                name = self._draft(request)
            else:
                raise Refused(f"unknown action {action!r}")
            self.refresh()
            return self.document(name)

    def _confirm(self, request: dict) -> str:
        rec = self._record(request)
        text = self._current(rec.path, request)
        item = self._item(text, rec.path, rec.values["id"])
        for key in EDITABLE:
            if key in (request.get("fields") or {}):
                value = str(request["fields"][key]).strip()
                if value:
                    item[key] = value
                else:
                    item.pop(key, None)
        if "relations" in (request.get("fields") or {}):
            relations = parse_relations(str(request["fields"]["relations"]))
            if relations:
                item["relations"] = relations
            else:
                item.pop("relations", None)
        item["status"] = "reviewed"
        for guess in ("confidence", "unsure"):
            item.pop(guess, None)
        self._write(rec.path, editing.replace(text, rec.path, rec.values["id"], _ordered(item)))
        return rec.values["doc"]

    def _reject(self, request: dict) -> str:
        reason = str(request.get("reason") or "").strip()
        if request.get("id"):
            rec = self._record(request)
            text = self._current(rec.path, request)
            text = editing.replace(text, rec.path, rec.values["id"], None)
            v = rec.values
            self._write(rec.path, editing.reject(text, v["doc"], v["line"], v["surface"], reason))
            return v["doc"]
        name, figure = self._figure(request)
        path = self._target_file(name)
        text = self._current(path, request, new_allowed=True)
        self._write(path, editing.reject(text, name, figure.line, figure.surface, reason))
        return name

    def _draft(self, request: dict) -> str:
        name, figure = self._figure(request)
        path = self._target_file(name)
        text = self._current(path, request, new_allowed=True)
        record = figure.record(self._new_id(figure))
        record["status"] = "reviewed"
        for guess in ("confidence", "unsure"):
            record.pop(guess, None)
        for key in EDITABLE:
            value = str((request.get("fields") or {}).get(key) or "").strip()
            if value:
                record[key] = value
        self._write(path, editing.append(text, path, _ordered(record)))
        return name

    # -- helpers --------------------------------------------------------------------------------------

    def _folder_documents(self) -> list[str]:
        folder = self.result.context.docs.folder
        if folder is None or not folder.is_dir():
            return []
        return sorted(p.relative_to(folder).as_posix() for p in documents_in(folder))

    def _lines(self, name: str) -> list[str]:
        if name not in set(self._folder_documents()) | set(self.by_doc):
            raise Refused(f"no document {name!r} in the documents folder", 404)
        lines = self.result.context.docs.lines(name)
        if isinstance(lines, str):
            raise Refused(lines, 422)
        return lines

    def _claim_figure(self, rec, path: str) -> list[dict]:
        v = rec.values
        cid = v.get("id") or ""
        line = self.result.context.readings[rec.row].quote_line
        for start, end, mark_id in self.marks.get(path, {}).get(line, ()):
            if mark_id == cid:
                return [self._claim(rec, line, start, end)]
        return [self._claim(rec, v.get("line") or 0, -1, -1)]  # its figure is not where the record says

    def _claim(self, rec, line: int, start: int, end: int) -> dict:
        v = rec.values
        findings = self.findings_of.get(v.get("id"), [])
        state = "finding" if any(f.severity != "info" for f in findings) else (
            "draft" if v.get("status") == "draft" else "confirmed")
        return {"line": line, "start": start, "end": end, "surface": v.get("surface") or "", "state": state,
                "id": v.get("id"), "file": rec.path, "record_line": rec.line,
                "fields": {k: v.get(k) for k in (*EDITABLE, "status", "wording", "derived")},
                "relations": [_relation_text(r) for r in rec.relations or ()],
                "findings": [self._finding(f) for f in findings]}

    def _uncaptured(self, name: str) -> list:
        if name not in self._figures:
            from checker.extract.extractor import make_extractor
            from checker.load.rulefiles import RuleFiles

            if self.extractor is None:
                self.extractor = make_extractor(RuleFiles.of(self.settings.rules))
            lines = self._lines(name)
            self._figures[name] = [d for d in self.extractor.document(name, "\n".join(lines)) if d.derived is None]
        taken = self.marks.get(self.result.context.docs.path_for(name), {})
        return [d for d in self._figures[name] if not _overlaps(taken.get(d.line, ()), d.start, d.start + len(d.surface))
                and (name, d.line, d.surface) not in self.rejected]

    def _rejected(self) -> set:
        """The figures the claim files say are no claims (read once per check, not per document shown): every
        claim file of the run, also one left with rejections only."""
        from checker.load.claims import claim_files

        out: set = set()
        for path in claim_files(list(self.settings.claims)):
            try:
                out |= rejected(read_exact(Path(path)))
            except (OSError, UnicodeDecodeError):
                continue
        return out

    def _proposal(self, d) -> dict:
        return {"metric": d.metric, "entity": d.entity, "period": d.period, "kind": d.kind, "unit": d.unit or "",
                "quote": d.quote}

    def _findings_in(self, name: str, path: str) -> list:
        ids = {r.values.get("id") for r in self.by_doc.get(name, [])}
        return [f for f in self.result.findings
                if any(loc.path == path for loc in f.locations) or any(c in ids for c in f.claims)]

    @staticmethod
    def _finding(f) -> dict:
        return {"code": f.code, "severity": f.severity, "message": f.message, "claims": list(f.claims),
                "where": [str(loc) for loc in f.locations]}

    def _record(self, request: dict):
        rec = self.by_id.get(request.get("id"))
        if rec is None:
            raise Refused(f"no claim with id {request.get('id')!r}", 404)
        return rec

    def _figure(self, request: dict):
        name = str(request.get("doc") or "")
        self._lines(name)
        for d in self._uncaptured(name):
            if d.line == request.get("line") and d.start == request.get("start"):
                return name, d
        raise Refused("no figure without a claim there (changed meanwhile?)", 409)

    def _claim_files(self) -> list[str]:
        return sorted({r.path for r in self.by_id.values()})

    def _target_file(self, name: str) -> str:
        """The claim file a new claim about this document goes to: the one holding most of its claims, else
        a file named after the document in the first claim folder."""
        counts: dict = defaultdict(int)
        for rec in self.by_doc.get(name, []):
            counts[rec.path] += 1
        if counts:
            return max(sorted(counts), key=counts.get)
        first = Path(self.settings.claims[0]) if self.settings.claims else Path("claims")
        folder = first if first.is_dir() or not first.suffix else first.parent
        return str(folder / (Path(name).stem + ".yaml"))

    def _current(self, path: str, request: dict, new_allowed: bool = False) -> str:
        """The claim file's text, when it is still what the page saw."""
        self._inside_claims(path)
        file = Path(path)
        if not file.exists():
            if new_allowed:
                return ""
            raise Refused(f"{path} no longer exists", 409)
        text = read_exact(file)
        seen = (request.get("files") or {}).get(path)
        if seen is not None and seen != editing.digest(text):
            raise Refused(f"{path} changed on disk since the page loaded it: reloaded, nothing was written", 409)
        return text

    def _inside_claims(self, path: str) -> None:
        target = Path(path).resolve()
        for given in self.settings.claims or ("claims",):
            root = Path(given).resolve()
            if target == root or root in target.parents:
                return
        raise Refused(f"{path} is not under the claim paths", 403)

    def _write(self, path: str, text: str) -> None:
        try:
            atomic_write(Path(path), text, overwrite=True)
        except WriteError as exc:
            raise Refused(str(exc), 500) from None

    def _digest(self, path: str) -> str:
        try:
            return editing.digest(read_exact(Path(path)))
        except (OSError, UnicodeDecodeError, ReadError):
            return ""

    def _item(self, text: str, path: str, cid: str) -> dict:
        try:
            data = yaml.safe_load(text) or []
        except yaml.YAMLError as exc:
            raise Refused(f"{path}: cannot parse YAML: {exc}", 422) from None
        for item in data if isinstance(data, list) else []:
            if isinstance(item, dict) and item.get("id") == cid:
                return dict(item)
        raise Refused(f"{path}: no record with id {cid!r} (changed on disk?)", 409)

    def _new_id(self, figure) -> str:
        from checker.extract.extractor import ids_for

        return ids_for([figure], set(self.by_id))[0]


RELATIONS = ("sum", "includes", "change", "share", "series")


def parse_relations(text: str) -> list:
    """Relations as the panel writes them, one per `;`: `includes a-1, a-2`, `change from: a-1, to: a-2`."""
    out = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        kind, _, rest = part.partition(" ")
        if kind not in RELATIONS or not rest.strip():
            raise Refused(f"relations: `{part}` is not one of {', '.join(RELATIONS)} followed by claim ids "
                          "(`includes a-1, a-2`) or by key: value pairs (`change from: a-1, to: a-2`)")
        items = [i.strip() for i in rest.split(",") if i.strip()]
        if all(":" in i for i in items):
            pairs = {}
            for i in items:
                key, _, value = i.partition(":")
                value = value.strip()
                pairs[key.strip()] = int(value) if value.isdigit() else value
            out.append({kind: pairs})
        elif any(":" in i for i in items):
            raise Refused(f"relations: `{part}` mixes claim ids and key: value pairs")
        else:
            out.append({kind: items})
    return out


def _relation_text(relation) -> str:
    """One relation as people read it in the panel: includes 002-095-a, 002-095-b."""
    if isinstance(relation, dict):
        return "; ".join(f"{kind} {_listed(target)}" for kind, target in relation.items())
    return str(relation)


def _listed(target) -> str:
    if isinstance(target, dict):
        return ", ".join(f"{k}: {v}" for k, v in target.items())
    if isinstance(target, (list, tuple)):
        return ", ".join(str(t) for t in target)
    return str(target)


def _overlaps(spans, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e, _ in spans)


ORDER = ("id", "status", "metric", "wording", "entity", "period", "kind", "surface", "value", "unit", "qualifier",
         "derived", "relations", "note", "source")


def _ordered(item: dict) -> dict:
    """The record's keys in the order claim files are written in, unknown ones last."""
    return {**{k: item[k] for k in ORDER if k in item}, **{k: v for k, v in item.items() if k not in ORDER}}
