"""Careful reading of the raw national files the builder starts from.

Every problem (missing file, missing column, ragged or truncated row, a number that is not a
number) becomes a `SourceDataError` naming the file (relative to the data directory), the
row (line number, header = row 1) and the column, with what to do about it.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import national_files
from .errors import SourceDataError

# ../shared/data beside the repository in development; PLACEZERO_DATA_DIR or --data-dir
# point elsewhere (the same files downloaded from the publishers).
DEFAULT_DATA_DIR = Path(
    os.environ.get(
        "PLACEZERO_DATA_DIR", Path(__file__).resolve().parents[3].parent / "shared" / "data"
    )
)

FETCH_HINT = (
    "Download the file again from its publisher (docs/method/data.md gives each address) "
    "into the data directory and rebuild."
)


def raw_path(data_dir: Path, relative: str) -> Path:
    path = Path(data_dir) / relative
    if not path.is_file():
        raise SourceDataError(
            f"raw file not found in {data_dir}. {FETCH_HINT}",
            file=relative,
        )
    return path


def read_raw_csv(
    data_dir: Path,
    relative: str,
    required: tuple[str, ...],
    *,
    encoding: str = "utf-8-sig",
    strip_headers: bool = False,
    only: tuple[str, Iterable[str]] | None = None,
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (row number, row by column name) from a raw CSV after checking its header.

    `utf-8-sig` drops the byte-order mark the ONS lookups carry; `strip_headers` removes the
    stray spaces in the DESNZ MSOA headers (" Number of meters "). `only=(column, codes)`
    yields just the rows whose `column` (stripped) is one of `codes`: inside
    `national_files.reading_once()` the file is parsed once and those rows found by index."""
    path = raw_path(data_dir, relative)
    if not national_files.active():
        rows: Iterable[tuple[int, list[str]]]
        header, rows = _parse(path, relative, encoding, strip_headers)
        _require_columns(header, required, relative)
        if only is not None:
            position, codes = header.index(only[0]), set(only[1])
            rows = ((n, cells) for n, cells in rows if cells[position].strip() in codes)
        for number, cells in rows:
            yield number, dict(zip(header, cells, strict=True))
        return
    key = (str(path.resolve()), encoding, strip_headers)

    def parse() -> tuple[list[str], list[tuple[int, list[str]]]]:
        header, rows = _parse(path, relative, encoding, strip_headers)
        return header, list(rows)

    header, every = national_files.cached_csv(key, parse)
    _require_columns(header, required, relative)
    chosen = every if only is None else national_files.rows_with(key, only[0], only[1])
    for number, cells in chosen:
        yield number, dict(zip(header, cells, strict=True))


def _require_columns(header: list[str], required: tuple[str, ...], relative: str) -> None:
    for column in required:
        if column not in header:
            raise SourceDataError(
                f"expected a column named {column!r}; the header has "
                f"{len(header)} columns ({', '.join(h for h in header[:12] if h)}…). "
                f"The publisher may have changed the layout. {FETCH_HINT}",
                file=relative,
                row=1,
                column=column,
            )


def _parse(
    path: Path, relative: str, encoding: str, strip_headers: bool
) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header (read now, so an empty file fails at once) and the checked rows."""
    handle = path.open(encoding=encoding, newline="")
    reader = csv.reader(handle, strict=True)
    try:
        header = next(reader, None)
    except (csv.Error, UnicodeDecodeError) as error:
        handle.close()
        raise _unreadable(error, relative, reader.line_num, encoding) from None
    if not header:
        handle.close()
        raise SourceDataError(f"the file is empty. {FETCH_HINT}", file=relative, row=1)
    if strip_headers:
        header = [column.strip() for column in header]

    def rows() -> Iterator[tuple[int, list[str]]]:
        width = len(header)
        with handle:
            try:
                for cells in reader:
                    if not cells:
                        continue
                    if len(cells) != width:
                        raise SourceDataError(
                            f"expected {width} fields, found {len(cells)}: the file is "
                            f"truncated or malformed. {FETCH_HINT}",
                            file=relative,
                            row=reader.line_num,
                        )
                    yield reader.line_num, cells
            except (csv.Error, UnicodeDecodeError) as error:
                raise _unreadable(error, relative, reader.line_num, encoding) from None

    return header, rows()


def _unreadable(error: Exception, relative: str, line: int, encoding: str) -> SourceDataError:
    if isinstance(error, UnicodeDecodeError):
        return SourceDataError(
            f"not readable as {encoding} ({error.reason}). {FETCH_HINT}", file=relative
        )
    return SourceDataError(f"malformed CSV ({error}). {FETCH_HINT}", file=relative, row=line)


def raw_float(value: str, *, file: str, row: int, column: str) -> float:
    try:
        return float(value.replace(",", "").strip())
    except ValueError:
        raise SourceDataError(
            f"expected a number, found {value!r}. {FETCH_HINT}", file=file, row=row, column=column
        ) from None


def maybe_float(value: str) -> float | None:
    """A number, or None for the publishers' suppression marks ('..', '*', '-', blank)."""
    try:
        return float(value.replace(",", "").strip())
    except ValueError:
        return None


def require_codes(found: set[str], wanted: list[str] | tuple[str, ...], *, file: str) -> None:
    """Every wanted area must appear: a missing one means a truncated or wrong file."""
    missing = [code for code in wanted if code not in found]
    if missing:
        raise SourceDataError(
            f"no rows for {', '.join(missing)}: the file is incomplete (truncated?) or not the "
            f"expected edition. {FETCH_HINT}",
            file=file,
        )
