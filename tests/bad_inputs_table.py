"""Write docs/bad-inputs.md from the cases in tests/test_bad_inputs.py: `python tests/bad_inputs_table.py`."""
from __future__ import annotations

import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "docs" / "bad-inputs.md"

HEADER = """\
# Bad inputs

What claimcheck does with input that is malformed, hostile or just unusual.
Exit code **2** means the run could not go on (the message names the file,
and the line where there is one); **1** means findings were reported, each
at its file, line and field; **0** means the input was read correctly.
None of them prints a Python traceback.

Generated from `tests/test_bad_inputs.py` by `python tests/bad_inputs_table.py`;
each row is one case of `test_bad_input`, and a test fails when this page
and the cases differ.

Limits and choices:

- **Size**: every input file (claims, documents, rules, suppressions) larger
  than 100 MB is refused before it is read; `--max-file-size 200MB` or
  `max-file-size = "200MB"` in the configuration changes the limit.
- **YAML aliases** may add at most 100,000 nodes to a document; an alias
  that contains itself is refused. No tag that builds a Python object is
  ever constructed (the safe loader).
- **Encodings**: a byte order mark (UTF-8, UTF-16, UTF-32) decides; else a
  document must be UTF-8; a document that is not is refused unless
  `--encoding` (check, validate, lint, extract; or `encoding` in the
  configuration) names the encoding to use for such files. UTF-8 files are
  always read as UTF-8, so a mixed folder is never turned into mojibake.
  NUL bytes (UTF-16 without a mark) are refused.
- **Formats**: documents may be .txt, .md, .docx, .pdf, .html/.htm, .xlsx
  or .csv; what a file holds is read from its first bytes, and a file whose
  name says otherwise is refused. Word and Excel files are zips: they are
  refused when their table of contents declares more than the size limit,
  before anything is expanded. Web pages' scripts are dropped, never run.
  `claimcheck text FILE` prints the text claimcheck reads from any of them.
- **Line ends**: CRLF, CR and LF each end one line, in documents and in
  claim files alike.
- **Invisible characters** (U+200B, U+200C, U+200D, U+2060, U+FEFF, U+00A0,
  U+00AD) are never ignored silently: a quote matches the document only
  verbatim, and when it would match once they are ignored, CC121 says which
  character stands where. In a surface they make the number unreadable (CC110).

| input | what claimcheck does | test |
| --- | --- | --- |
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(cases) -> str:
    rows = [f"| {_cell(c.description)} | {_cell(c.outcome)} | `test_bad_input[{c.name}]` |" for c in cases]
    return HEADER + "\n".join(rows) + "\n"


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from test_bad_inputs import CASES

    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(render(CASES), encoding="utf-8")
    print(f"{OUTPUT}: {len(CASES)} cases")


if __name__ == "__main__":
    main()
