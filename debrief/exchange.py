"""Reading and writing JSON exports of whole post-mortems."""

from __future__ import annotations

import json
from pathlib import Path

from debrief.models import INPUT, Document
from debrief.record import RecordError
from debrief.untrusted import UntrustedInput, load_json


class ExportFileError(ValueError):
    """A file that is not a debrief export; the message names the file and the problem."""


def dump_documents(docs: list[Document]) -> str:
    data = [d.model_dump(mode="json") for d in docs]
    return json.dumps(data[0] if len(data) == 1 else data, indent=2, ensure_ascii=False) + "\n"


def load_documents(path: Path) -> list[Document]:
    """One document or a list of them, validated before anything is stored."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ExportFileError(f"{path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ExportFileError(f"cannot read {path}: {exc}") from exc
    return parse_documents(text, str(path))


def parse_documents(text: str, name: str) -> list[Document]:
    """Every document of an export's text, validated as input from outside: the
    whole file is checked before anything is stored."""
    try:
        data = load_json(text)
    except json.JSONDecodeError as exc:
        raise ExportFileError(
            f"{name} is not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    except UntrustedInput as exc:
        raise ExportFileError(f"{name} {exc}") from exc
    items = data if isinstance(data, list) else [data]
    if not items:
        raise ExportFileError(f"{name} holds an empty list: no post-mortem to import")
    docs = []
    for index, item in enumerate(items):
        which = f" (post-mortem #{index + 1})" if len(items) > 1 else ""
        try:
            docs.append(Document.model_validate(item, context=INPUT))
        except RecordError as exc:
            where = ".".join(str(p) for p in exc.where)
            message = " ".join(exc.message.split())
            raise ExportFileError(
                f"{name} is not a debrief export{which}: {where or 'document'}: {message}"
            ) from exc
        except ValueError as exc:  # a date outside the window, a bad link
            raise ExportFileError(f"{name} is not a debrief export{which}: {exc}") from exc
        except RecursionError:
            raise ExportFileError(f"{name}{which} is nested too deeply to read") from None
    return docs
