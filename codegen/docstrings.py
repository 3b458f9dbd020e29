"""Docstrings of generated code, made from the spec's descriptions and summaries.

The model generator keeps one plain ASCII line per class and field (:func:`summary`); the
API generator wraps whole paragraphs into method and class docstrings (:func:`docstring`).
"""

from __future__ import annotations

import re
import textwrap
import unicodedata

from .spec import Operation

__all__ = ["LINE", "docstring", "first_sentence", "op_summary", "summary"]

LINE = 100  # ruff's line length, which the generated code keeps to

# -- one-line summaries (models) ----------------------------------------------------------

_PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": "'",
        "\u201d": "'",
        '"': "'",
        "\u2013": "-",
        "\u2014": "-",
        "\u00d7": "x",
        "\u2026": "...",
        "\u00a0": " ",
    }
)
_DOC_WIDTH = 88  # a docstring line indented by 4 stays within ruff's 100 columns


def _marker(match: re.Match[str]) -> str:
    label = match.group(1).strip()
    return label if label.endswith((".", ":", "!", "?")) else label + "."


def summary(text: object, width: int = _DOC_WIDTH) -> str | None:
    """The first sentence of a spec description, as one plain ASCII line of at most ``width``."""
    if not isinstance(text, str) or not text.strip():
        return None
    text = re.sub(r"<p>.*?requires scope.*?</p>", " ", text, flags=re.S | re.I)
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [label](link) -> label
    # *Conditional* Text -> Conditional. Text (a leading marker reads as its own sentence)
    text = re.sub(r"\*{1,2}([^*]+?)\*{1,2}(?=\s+[A-Z*\[])", _marker, text)
    text = re.sub(r"\*{1,2}([^*]+?)\*{1,2}", r"\1", text)  # *emphasis* -> emphasis
    text = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    text = text.encode("ascii", "ignore").decode("ascii")
    text = " ".join(text.replace("\\", "/").split())
    if not text:
        return None
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z`'(])", text)
    line = sentences.pop(0)
    last = line
    while len(last) < 24 and sentences:  # "Conditional." alone says little: take the next one
        last = sentences.pop(0)
        line = f"{line} {last}"
    if line.startswith("'") and line.count("'") % 2:  # an unbalanced opening quote
        line = line[1:]
    if len(line) > width:
        line = line[: width - 3].rsplit(" ", 1)[0].rstrip(",;:-(") + "..."
    elif not line.endswith((".", "!", "?", ":")):
        line += "."
    return line.strip()


# -- wrapped docstrings (API) -------------------------------------------------------------

_STRAIGHT_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def docstring(text: str, indent: int) -> list[str]:
    """The lines of a docstring indented by ``indent``: paragraphs wrapped to :data:`LINE`."""
    pad = " " * indent
    text = text.translate(_STRAIGHT_QUOTES)
    out: list[str] = []
    paragraphs = text.strip().split("\n\n")
    for n, para in enumerate(paragraphs):
        if n:
            out.append("")
        out += textwrap.wrap(
            para.replace("\\", "\\\\"), width=LINE - indent - 6, break_on_hyphens=False
        ) or [""]
    if len(out) == 1:
        return [f'{pad}"""{out[0]}"""']
    return [f'{pad}"""{out[0]}', *(f"{pad}{line}" if line else "" for line in out[1:]), f'{pad}"""']


def first_sentence(text: str) -> str:
    """The first sentence of a description, links and emphasis removed."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text or "")
    text = " ".join(text.replace("*", "").replace("_Note: ", "").split())
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def op_summary(op: Operation) -> str:
    """An operation's summary (its id without one) as a sentence."""
    text = " ".join(op.summary.split()) or op.operation_id
    return text if text.endswith((".", "!", "?")) else text + "."
