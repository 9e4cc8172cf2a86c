"""Source documents: read once, looked up by name, never outside their folder."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from checker import inputs


@dataclass(frozen=True)
class Quote:
    line: int | None      # where the quote was found (1-based), None if nowhere
    column: int | None    # 1-based character column in that line
    at_given_line: bool   # found on the line the record names


class Documents:
    def __init__(self, folder: str | None):
        self.folder = Path(folder) if folder else None
        self._lines: dict[str, list[str] | str] = {}
        self._paths: dict[str, str] = {}
        self._digests: dict[str, str] = {}
        self._root: str | None = None  # the folder resolved and ending in a separator, once

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
            lines = self.lines(name)
            self._digests[name] = _digest("!" + lines) if isinstance(lines, str) else text_digest(lines)
        return self._digests[name]

    def _read(self, name: str) -> list[str] | str:
        if self.folder is None:
            return "no documents folder given (--docs)"
        rel = Path(name)
        if rel.is_absolute() or ".." in rel.parts:
            return f"`{name}` must be a path inside the documents folder"
        path = self.folder / rel
        try:  # os.path, not Path.resolve: thousands of documents ask
            self._root = self._root or os.path.join(os.path.realpath(self.folder), "")
            inside = os.path.join(os.path.realpath(path), "").startswith(self._root)
        except OSError as exc:
            return f"cannot resolve {path}: {exc}"
        if not inside:
            return f"{path} leads outside the documents folder"
        if not os.path.exists(path):
            return f"{path} does not exist"
        try:
            return split_lines(inputs.read_text(path, document=True))
        except inputs.ReadError as exc:
            return str(exc)

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


# Characters that print as nothing (or as a plain space) and break a verbatim match.
INVISIBLE = dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00a0\u00ad")


def visible(text: str) -> str:
    return "".join(ch for ch in text if ch not in INVISIBLE)


def char_name(ch: str) -> str:
    import unicodedata

    return f"U+{ord(ch):04X} {unicodedata.name(ch, '')}".rstrip()


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


TEXT_SUFFIXES = (".txt", ".md")


class TextError(Exception):
    pass


def collect_texts(paths: list[str], documents: Documents | None = None) -> dict[str, list[str]]:
    """Documents to lint: files as given, folders searched for .txt and .md files.

    A file inside the documents folder shares the lines the quote lookups read
    (one copy in memory, read once).
    """
    files: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files.extend(sorted(q for q in path.rglob("*") if q.suffix in TEXT_SUFFIXES and q.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            raise TextError(f"{p}: no such file or folder")
    texts = {}
    for f in files:
        shared = _shared_lines(f, documents)
        if shared is not None:
            texts[str(f)] = shared
            continue
        try:
            texts[str(f)] = split_lines(inputs.read_text(f, document=True))
        except inputs.ReadError as exc:
            raise TextError(str(exc)) from None
    return texts


def _shared_lines(path: Path, documents: Documents | None) -> list[str] | None:
    if documents is None or documents.folder is None:
        return None
    try:
        name = path.relative_to(documents.folder).as_posix()
    except ValueError:
        return None  # not in the documents folder (a file given on its own)
    lines = documents.lines(name)
    return None if isinstance(lines, str) else lines  # a reason it cannot be used: read it here and say why
