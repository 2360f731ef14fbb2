"""Read-only memory-mapped .npy arrays for tables that are read a few rows at a time.

A mapped table costs no private memory: its pages sit in the page cache, shared by every
process that maps the same file, and only the pages that lookups touch become resident. Two
kernel habits would map far more: reading ahead and mapping 64 KB around each touched page, which
random-access advice turns off, and keeping a file that was just written in large folios (up to
2 MB, mapped whole on one touch), which `save_rows` avoids by dropping the file from the cache.
"""

from __future__ import annotations

import mmap
import os
from pathlib import Path

import numpy as np

_HEADERS = {
    (1, 0): np.lib.format.read_array_header_1_0,
    (2, 0): np.lib.format.read_array_header_2_0,
}


def map_rows(path: Path) -> np.ndarray:
    """The array saved at `path` (np.save), mapped read-only for random row access."""
    with path.open("rb") as fh:
        version = np.lib.format.read_magic(fh)
        read_header = _HEADERS.get(version)
        if read_header is None:
            raise ValueError(f"{path} is a .npy file of unknown version {version}.")
        shape, fortran, dtype = read_header(fh)
        offset = fh.tell()
        if fortran or dtype.hasobject:
            raise ValueError(f"{path} is not a C-ordered array of plain values.")
        buffer = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    buffer.madvise(mmap.MADV_RANDOM)
    count = int(np.prod(shape))
    return np.frombuffer(buffer, dtype=dtype, count=count, offset=offset).reshape(shape)


def save_rows(path: Path, array: np.ndarray) -> None:
    """np.save `array` to `path`, then drop the written pages from the page cache (see above)."""
    with path.open("wb") as fh:
        np.save(fh, array)
        fh.flush()
        os.fsync(fh.fileno())  # dirty pages cannot be dropped
        os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
