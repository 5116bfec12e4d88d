"""Careful reading of the raw national files the builder starts from.

Every problem (missing file, missing column, ragged or truncated row, a number that is not a
number) becomes a `SourceDataError` naming the file (relative to the data directory), the
row (line number, header = row 1) and the column, with what to do about it.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from pathlib import Path

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
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (row number, row by column name) from a raw CSV after checking its header.

    `utf-8-sig` drops the byte-order mark the ONS lookups carry; `strip_headers` removes the
    stray spaces in the DESNZ MSOA headers (" Number of meters ")."""
    path = raw_path(data_dir, relative)
    with path.open(encoding=encoding, newline="") as handle:
        reader = csv.reader(handle, strict=True)
        try:
            header = next(reader, None)
            if not header:
                raise SourceDataError(f"the file is empty. {FETCH_HINT}", file=relative, row=1)
            if strip_headers:
                header = [column.strip() for column in header]
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
            width = len(header)
            for cells in reader:
                if not cells:
                    continue
                if len(cells) != width:
                    raise SourceDataError(
                        f"expected {width} fields, found {len(cells)}: the file is truncated "
                        f"or malformed. {FETCH_HINT}",
                        file=relative,
                        row=reader.line_num,
                    )
                yield reader.line_num, dict(zip(header, cells, strict=True))
        except csv.Error as error:
            raise SourceDataError(
                f"malformed CSV ({error}). {FETCH_HINT}", file=relative, row=reader.line_num
            ) from None
        except UnicodeDecodeError as error:
            raise SourceDataError(
                f"not readable as {encoding} ({error.reason}). {FETCH_HINT}", file=relative
            ) from None


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
