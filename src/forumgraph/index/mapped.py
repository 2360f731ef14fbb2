"""Read-only memory-mapped .npy arrays for tables that are read a few rows at a time.

A mapped table costs no private memory: its pages sit in the page cache, shared by every
process that maps the same file, and only the pages that lookups touch become resident. Two
kernel habits would map far more: reading ahead and mapping 64 KB around each touched page, which
random-access advice turns off, and keeping a file that was just written in large folios (up to
2 MB, mapped whole on one touch), which `save_rows` avoids by dropping the file from the cache.
"""

from __future__ import annotations

import io
import mmap
import os
import struct
import threading
import zipfile
from pathlib import Path

import numpy as np

_HEADERS = {
    (1, 0): np.lib.format.read_array_header_1_0,
    (2, 0): np.lib.format.read_array_header_2_0,
}


def map_rows(path: Path) -> np.ndarray:
    """The array saved at `path` (np.save), mapped read-only for random row access."""
    with path.open("rb") as fh:
        buffer = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    buffer.madvise(mmap.MADV_RANDOM)
    return _array_at(buffer, 0, path.name)


def map_npz(path: Path) -> dict[str, np.ndarray]:
    """The arrays of an uncompressed np.savez file, each mapped read-only in place.

    Unlike a table of rows, such arrays are read in runs (a posting list), so the file is read
    ahead into the page cache now: the first queries do not wait for the disk.
    """
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
    with path.open("rb") as fh:
        buffer = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    buffer.madvise(mmap.MADV_WILLNEED)
    arrays = {}
    for member in members:
        if member.compress_type != zipfile.ZIP_STORED or not member.filename.endswith(".npy"):
            raise ValueError(f"{path}: {member.filename} is compressed or not an array.")
        # The member's data follow its local header: 30 bytes, then its name and extra field.
        name_len, extra_len = struct.unpack_from("<HH", buffer, member.header_offset + 26)
        start = member.header_offset + 30 + name_len + extra_len
        arrays[member.filename[:-4]] = _array_at(buffer, start, f"{path.name}:{member.filename}")
    return arrays


# numpy reads an array's header with `ast.literal_eval`, which CPython 3.11 cannot run in two
# threads at once ("AST constructor recursion depth mismatch"): stores opened side by side take
# turns here.
_HEADER_LOCK = threading.Lock()


def _array_at(buffer: mmap.mmap, start: int, name: str) -> np.ndarray:
    """The .npy array whose header starts at `start` of `buffer`, viewed in place."""
    header = io.BytesIO(buffer[start : start + 65536])
    version = np.lib.format.read_magic(header)
    read_header = _HEADERS.get(version)
    if read_header is None:
        raise ValueError(f"{name} is a .npy array of unknown version {version}.")
    with _HEADER_LOCK:
        shape, fortran, dtype = read_header(header)
    if fortran or dtype.hasobject:
        raise ValueError(f"{name} is not a C-ordered array of plain values.")
    count = int(np.prod(shape))
    offset = start + header.tell()
    return np.frombuffer(buffer, dtype=dtype, count=count, offset=offset).reshape(shape)


def save_rows(path: Path, array: np.ndarray) -> None:
    """np.save `array` to `path`, then drop the written pages from the page cache (see above)."""
    with path.open("wb") as fh:
        np.save(fh, array)
        fh.flush()
        os.fsync(fh.fileno())  # dirty pages cannot be dropped
        os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)


def prefetch(path: Path) -> None:
    """Start reading `path` into the page cache (a file that another library maps)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
    finally:
        os.close(fd)
