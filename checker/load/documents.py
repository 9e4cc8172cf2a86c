"""Source documents: read once, looked up by name, never outside their folder."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from checker.io import formats
from checker.io import reading as inputs
from checker.io.own_reports import is_report_file
from checker.language.characters import INVISIBLE, char_name, visible


class Reason(str):
    """Why a document cannot be used (instead of its path)."""


@dataclass(frozen=True)
class Quote:
    line: int | None      # where the quote was found (1-based), None if nowhere
    column: int | None    # 1-based character column in that line
    at_given_line: bool   # found on the line the record names


class Documents:
    def __init__(self, folder: str | None, known=None):
        self.folder = Path(folder) if folder else None
        self._known = known  # checker.incremental.filestatus: digests of documents whose status is unchanged, None to read each
        self._lines: dict[str, list[str] | str] = {}
        self._paths: dict[str, str] = {}
        self._digests: dict[str, str] = {}
        self._noted: dict[str, str | None] = {}  # name → digest noted with its status (checker.incremental.filestatus), or None
        self._root: str | None = None  # the folder resolved and ending in a separator, once
        self._real: dict[str, str] = {}  # each folder of documents, resolved
        self._pages: dict[str, tuple[int, ...]] = {}  # path_for(name) → the line each page starts on, once read

    def pages_at(self, path: str) -> tuple[int, ...] | None:
        """The line each page of the document at path starts on (empty for formats without pages); None when
        this run has not read it."""
        return self._pages.get(path)

    def path_for(self, name: str) -> str:
        """The document's path as findings show it (one string per document, however many findings)."""
        path = self._paths.get(name)
        if path is None:
            path = self._paths[name] = str(self.folder / name) if self.folder else name
        return path

    def lines(self, name: str) -> list[str] | str:
        """The document's lines, or a text saying why it cannot be used."""
        if name not in self._lines:
            self._lines[name] = self._read(name)
        return self._lines[name]

    def digest(self, name: str) -> str:
        """A digest of what lines(name) gives: the text, or the reason it cannot be used."""
        if name not in self._digests:
            digest = self.noted(name)
            if digest is None:
                lines = self.lines(name)
                digest = _digest("!" + lines) if isinstance(lines, str) else text_digest(lines)
            self._digests[name] = digest
        return self._digests[name]

    def noted(self, name: str) -> str | None:
        """The digest of the document's lines noted with its status, while that holds (checker.incremental.filestatus); else None."""
        if self._known is None or name in self._lines:
            return None
        if name not in self._noted:
            path = self._place(name)
            self._noted[name] = None if isinstance(path, Reason) else self._known.get(path, self._known.status(path))
        return self._noted[name]

    def _place(self, name: str) -> str | Reason:
        """The document's path, or why it cannot be read."""
        if self.folder is None:
            return Reason("no documents folder given (--docs)")
        rel = Path(name)
        if rel.is_absolute() or ".." in rel.parts:
            return Reason(f"`{name}` must be a path inside the documents folder")
        path = str(self.folder / rel)
        try:  # os.path, each folder resolved once: thousands of documents ask
            self._root = self._root or os.path.join(os.path.realpath(self.folder), "")
            inside = os.path.join(self._resolved(path), "").startswith(self._root)
        except OSError as exc:
            return Reason(f"cannot resolve {path}: {exc}")
        if not inside:
            return Reason(f"{path} leads outside the documents folder")
        if not os.path.exists(path):
            return Reason(f"{path} does not exist")
        return path

    def _resolved(self, path: str) -> str:
        """os.path.realpath(path), with the folder it is in resolved once for all its documents."""
        if os.path.islink(path):
            return os.path.realpath(path)
        folder, name = os.path.split(path)
        if folder not in self._real:
            self._real[folder] = os.path.realpath(folder)
        return os.path.join(self._real[folder], name)

    def _read(self, name: str) -> list[str] | str:
        path = self._place(name)
        if isinstance(path, Reason):
            return str(path)
        before = self._known.status(path) if self._known is not None else None
        try:
            read = formats.read_document(Path(path))
        except inputs.ReadError as exc:
            return str(exc)
        lines = split_lines(read.text)
        self._pages[self.path_for(name)] = read.pages
        if before:
            self._digests[name] = text_digest(lines)
            self._known.note(path, before, self._digests[name])
        return lines

    def find(self, name: str, quote: str, line: int | None) -> Quote:
        lines = self.lines(name)
        if isinstance(lines, str) or not quote:
            return Quote(None, None, False)
        if line is not None and 1 <= line <= len(lines):
            col = lines[line - 1].find(quote)
            if col >= 0:
                return Quote(line, col + 1, True)
        for i, text in enumerate(lines, start=1):
            col = text.find(quote)
            if col >= 0:
                return Quote(i, col + 1, line is None)
        return Quote(None, None, False)

    def hidden(self, name: str, quote: str) -> str:
        """Why a quote that is not in the document may only look absent: invisible characters."""
        lines = self.lines(name)
        if isinstance(lines, str) or not quote:
            return ""
        wanted = visible(quote)
        for i, text in enumerate(lines, start=1):
            if wanted and wanted in visible(text):
                where = [f"{char_name(ch)} in the quote" for ch in quote if ch in INVISIBLE]
                where += [f"{char_name(ch)} at {i}:{col}" for col, ch in enumerate(text, 1) if ch in INVISIBLE]
                return f" (line {i} has it once invisible characters are ignored: {', '.join(where[:3])})"
        return ""


def text_digest(lines: list[str]) -> str:
    """A digest of a document's lines (for what is kept while a text is unchanged)."""
    return _digest("=" + "\n".join(lines))


def _digest(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def split_lines(text: str) -> list[str]:
    """Lines as editors count them: CRLF, CR and LF each end one."""
    if "\r" in text:  # most texts have none: two passes saved
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


TEXT_SUFFIXES = formats.SUFFIXES


class TextError(Exception):
    pass


def documents_in(folder: Path) -> list[Path]:
    """The documents in a folder and its subfolders, in every format read (checker.io.formats), in order: not
    the reports claimcheck wrote there (`check -f html -o report.html` beside the documents)."""
    return sorted(q for q in folder.rglob("*")
                  if q.suffix.lower() in TEXT_SUFFIXES and q.is_file() and not is_report_file(q))


def collect_texts(paths: list[str], documents: Documents | None = None) -> "Texts":
    """Documents to lint: files as given, folders searched for documents (documents_in)."""
    files: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files.extend(documents_in(path))
        elif path.is_file():
            files.append(path)
        else:
            raise TextError(f"{p}: no such file or folder")
    return Texts(files, documents)


class Texts(Mapping):
    """Documents to lint, path → lines, each read when first asked for (TextError when it cannot be).

    A file inside the documents folder shares the lines the quote lookups read
    (one copy in memory, read once), and its digest may be known without
    reading it at all (Documents.noted): after an edit elsewhere, an
    unchanged document is never read.
    """

    def __init__(self, files: list[Path], documents: Documents | None = None):
        self._files = {str(f): f for f in files}
        self._documents = documents
        self._lines: dict[str, list[str]] = {}

    def __getitem__(self, path: str) -> list[str]:
        if path not in self._lines:
            file = self._files[path]
            name = self._name(file)
            shared = None if name is None else self._documents.lines(name)
            if isinstance(shared, list):
                self._lines[path] = shared
            else:  # not in the documents folder, or a reason it cannot be used there: read it here and say why
                try:
                    self._lines[path] = split_lines(formats.read_document(file).text)
                except inputs.ReadError as exc:
                    raise TextError(str(exc)) from None
        return self._lines[path]

    def __iter__(self):
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)

    def digest(self, path: str) -> str:
        """text_digest of the document's lines, read only when no digest of them is noted."""
        name = self._name(self._files[path])
        noted = None if name is None or path in self._lines else self._documents.noted(name)
        return noted or text_digest(self[path])

    def _name(self, path: Path) -> str | None:
        """The file's name in the documents folder, None when it is not in one."""
        if self._documents is None or self._documents.folder is None:
            return None
        try:
            return path.relative_to(self._documents.folder).as_posix()
        except ValueError:
            return None
