"""Read each national file once for many builds (`place create --all`, the national bench).

Building one place reads some twenty national files (DESNZ, ONS, Census 2021, FES, REPD,
the MSOA boundaries) and keeps only that place's rows. Building 175 places one after the
other re-read and re-parsed every file 175 times: most of the time went on CSV parsing and on
openpyxl opening the two DESNZ workbooks. Inside `reading_once()` a process keeps each file
parsed in memory the first time a build asks for it:

- a CSV as its checked header and rows, with an index from a code column (the column a build
  step filters on: `lad_code`, `MSOA`, …) to the rows holding that code, so a step that asks
  with `only=(column, codes)` gets its own place's rows without scanning the rest;
- a workbook as its sheets' rows (what `iter_rows(values_only=True)` gives);
- a JSON file as the parsed document (read-only: build steps copy what they keep).

Errors are not kept: a damaged file raises the same `SourceDataError` for every place that
reads it, naming the file and row. Outside `reading_once()` nothing is kept (the single-place
commands and the tests read the files as before). A Dask worker enters it for its life, so
with N workers each file is parsed N times per run, not once per place.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

_active = False
_csv: dict[tuple, tuple[list[str], list[tuple[int, list[str]]]]] = {}
_indexes: dict[tuple, dict[str, list[int]]] = {}
_workbooks: dict[Path, dict[str, list[tuple]]] = {}
_json: dict[Path, Any] = {}


def active() -> bool:
    return _active


def enable() -> None:
    """Keep files parsed for the rest of this process (a Dask worker's life)."""
    global _active
    _active = True


def clear() -> None:
    global _active
    _active = False
    _csv.clear()
    _indexes.clear()
    _workbooks.clear()
    _json.clear()


@contextmanager
def reading_once() -> Iterator[None]:
    """Parse each national file once while inside; forget them all on leaving."""
    was = _active
    enable()
    try:
        yield
    finally:
        if not was:
            clear()


def cached_csv(key: tuple, parse: Any) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """(header, [(line number, cells)]) of a CSV, parsed by `parse()` the first time."""
    if key not in _csv:
        _csv[key] = parse()
    return _csv[key]


def rows_with(key: tuple, column: str, codes: Iterable[str]) -> list[tuple[int, list[str]]]:
    """The cached rows whose `column` (stripped) is one of `codes`, in file order."""
    header, rows = _csv[key]
    index_key = (*key, column)
    index = _indexes.get(index_key)
    if index is None:
        position = header.index(column)
        index = {}
        for number, (_line, cells) in enumerate(rows):
            index.setdefault(cells[position].strip(), []).append(number)
        _indexes[index_key] = index
    chosen = sorted(i for code in set(codes) for i in index.get(code, ()))
    return [rows[i] for i in chosen]


class _Sheet:
    def __init__(self, rows: list[tuple]) -> None:
        self._rows = rows

    def iter_rows(self, values_only: bool = True) -> Iterator[tuple]:
        return iter(self._rows)


class _Workbook:
    """What the builder uses of an openpyxl read-only workbook, from memory."""

    def __init__(self, sheets: dict[str, list[tuple]]) -> None:
        self._sheets = sheets
        self.sheetnames = list(sheets)

    def __getitem__(self, name: str) -> _Sheet:
        return _Sheet(self._sheets[name])

    def close(self) -> None:
        pass


def open_workbook(path: Path) -> Any:
    """openpyxl's read-only workbook, or (inside `reading_once`) its rows kept in memory.
    Raises what openpyxl raises for a damaged file (zipfile.BadZipFile, OSError, KeyError)."""
    import openpyxl

    if not _active:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    path = Path(path).resolve()
    if path not in _workbooks:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            _workbooks[path] = {
                name: list(workbook[name].iter_rows(values_only=True))
                for name in workbook.sheetnames
            }
        finally:
            workbook.close()
    return _Workbook(_workbooks[path])


def read_json(path: Path) -> Any:
    """The parsed JSON document (json.JSONDecodeError for a damaged one)."""
    import json

    if not _active:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    path = Path(path).resolve()
    if path not in _json:
        _json[path] = json.loads(path.read_text(encoding="utf-8"))
    return _json[path]
