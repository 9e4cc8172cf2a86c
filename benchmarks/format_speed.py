"""Reading throughput of every document format next to plain text, on the seeds.

Run: python benchmarks/format_speed.py [--copies 2] [--texts benchmarks/data/real]

Writes the seeds (repeated --copies times) as .docx, .pdf, .html and .xlsx with
the test suite's writers (tests/document_formats.py: python-docx, fpdf2 with
Noto Sans CJK, openpyxl), then prints for each format the time to read its
text (checker.io.formats) and to extract its drafts, in characters of text
per second, and the ratio to plain text. When pdfplumber is installed it
also times pdfplumber's text on the same PDF, the rival considered for PDFs.
"""
from __future__ import annotations

import argparse
import difflib
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from document_formats import WRITERS  # noqa: E402
from extract_speed import best_of  # noqa: E402

from checker.extract.extractor import make_extractor  # noqa: E402
from checker.io.formats import read_document  # noqa: E402
from checker.load.rulefiles import RuleFiles  # noqa: E402


def _figures(ex, path: Path) -> list:
    """The figures drafted from a document, as (surface, value, unit), in the order they stand."""
    return [(d.surface, d.parsed.value, d.unit) for d in ex.document(path.name, read_document(path).text)
            if d.derived is None]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=2)
    ap.add_argument("--texts", type=Path, default=ROOT / "seeds",
                    help="a folder of .txt documents (default: the seeds; benchmarks/data/real: the development set)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(args.texts.glob("*.txt")))
    text = "\n".join([text] * args.copies)
    ex = make_extractor(RuleFiles.of(ROOT / "rules"))
    with tempfile.TemporaryDirectory() as tmp:
        files = {".txt": Path(tmp) / "seeds.txt"}
        files[".txt"].write_text(text, encoding="utf-8")
        for suffix, write in WRITERS.items():
            files[suffix] = write(text, Path(tmp) / f"seeds{suffix}")
        chars = len(read_document(files[".txt"]).text)
        print(f"{args.texts.name} x{args.copies}: {chars:,} characters; best of {args.repeat}")
        print(f"{'format':<7} {'file':>10} {'read chars/s':>14} {'ratio':>6} {'read+extract chars/s':>21} {'ratio':>6}"
              f"  figures as in the text")
        base_read = base_all = None
        in_text = _figures(ex, files[".txt"])
        for suffix, path in files.items():
            read = best_of(args.repeat, lambda: read_document(path))
            whole = best_of(args.repeat, lambda: ex.document(path.name, read_document(path).text))
            base_read, base_all = base_read or read, base_all or whole
            kept = sum(block.size for block in difflib.SequenceMatcher(
                None, in_text, _figures(ex, path), autojunk=False).get_matching_blocks())
            print(f"{suffix:<7} {path.stat().st_size:>10,} {chars / read:>14,.0f} {base_read / read:>6.3f} "
                  f"{chars / whole:>21,.0f} {base_all / whole:>6.3f}  {kept}/{len(in_text)} in order")
        try:
            import pdfplumber
        except ImportError:
            print("pdfplumber is not installed: its comparison is left out")
            return 0

        def plumbed():
            with pdfplumber.open(files[".pdf"]) as pdf:
                return "\n".join(page.extract_text() or "" for page in pdf.pages)
        got = plumbed()
        took = best_of(args.repeat, plumbed)
        ours = best_of(args.repeat, lambda: read_document(files[".pdf"]))
        print(f"pdfplumber {pdfplumber.__version__}: {chars / took:,.0f} chars/s ({took / ours:.1f}x the time of pypdfium2 "
              f"here), {len(got.strip()):,} characters of text found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
