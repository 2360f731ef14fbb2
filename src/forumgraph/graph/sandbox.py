"""Walls around a query worker process: no network sockets, and a memory limit.

pyoxigraph carries an HTTP client for SERVICE and its Python API has no switch to turn it off,
so the classifier is not trusted alone: the worker installs a seccomp filter that makes
`socket()` fail for every address family but AF_UNIX (its pipe to the pool is an inherited
AF_UNIX socket) and `io_uring_setup()` fail too, for every thread of the process. Whatever a
query says, the engine cannot open a connection. Linux only (x86-64 and arm64); elsewhere the
worker reports that it runs without this wall.

The memory limit is RLIMIT_DATA (heap and private mappings): an allocation past it fails, which
stops pyoxigraph (a Rust abort) or raises MemoryError in Python; the pool replaces the worker.
"""

from __future__ import annotations

import ctypes
import errno
import platform
import resource
import socket
import struct
import sys

# struct sock_filter: u16 code, u8 jt, u8 jf, u32 k.
_LOAD_WORD = 0x20  # BPF_LD | BPF_W | BPF_ABS
_JUMP_EQUAL = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
_JUMP_AT_LEAST = 0x35  # BPF_JMP | BPF_JGE | BPF_K
_RETURN = 0x06  # BPF_RET | BPF_K
_ALLOW = 0x7FFF0000
_REFUSE = 0x00050000 | errno.EPERM  # SECCOMP_RET_ERRNO
_X32_SYSCALL_BIT = 0x40000000
# seccomp_data: nr at 0, arch at 4, args[0] (low half on little-endian machines) at 16.
_NR, _ARCH, _ARG0 = 0, 4, 16
# machine: (AUDIT_ARCH, socket, io_uring_setup, seccomp) system call numbers.
_ARCHES = {
    "x86_64": (0xC000003E, 41, 425, 317),
    "aarch64": (0xC00000B7, 198, 425, 277),
}
_PR_SET_NO_NEW_PRIVS = 38
_SECCOMP_SET_MODE_FILTER = 1
_SECCOMP_FILTER_FLAG_TSYNC = 1


class SandboxError(OSError):
    """The network wall could not be put up on a platform that should support it."""


def network_wall_supported() -> bool:
    """True on the platforms where `forbid_network` can install its filter."""
    return sys.platform == "linux" and platform.machine() in _ARCHES


def forbid_network() -> None:
    """Make every later `socket()` call of this process fail, except for AF_UNIX sockets.

    Raises SandboxError when the filter cannot be installed or does not hold.
    """
    arch, socket_nr, io_uring_nr, seccomp_nr = _ARCHES[platform.machine()]
    program = _filter(arch, socket_nr, io_uring_nr)
    libc = ctypes.CDLL(None, use_errno=True)
    buffer = ctypes.create_string_buffer(program)
    fprog = struct.pack("HL", len(program) // 8, ctypes.addressof(buffer))
    fprog_buffer = ctypes.create_string_buffer(fprog)
    one, zero = ctypes.c_ulong(1), ctypes.c_ulong(0)
    if libc.prctl(ctypes.c_int(_PR_SET_NO_NEW_PRIVS), one, zero, zero, zero) != 0:
        raise SandboxError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
    # TSYNC: the filter applies to every thread, including any a library has started already.
    result = libc.syscall(
        ctypes.c_long(seccomp_nr),
        ctypes.c_ulong(_SECCOMP_SET_MODE_FILTER),
        ctypes.c_ulong(_SECCOMP_FILTER_FLAG_TSYNC),
        ctypes.c_void_p(ctypes.addressof(fprog_buffer)),
    )
    if result != 0:
        raise SandboxError(ctypes.get_errno(), "seccomp(SECCOMP_SET_MODE_FILTER) failed")
    _check_wall()


def limit_memory(megabytes: int | None) -> None:
    """Cap this process's data segment at `megabytes` (None, 0 or less: no limit of our own)."""
    _soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    wanted = megabytes * 1024 * 1024 if megabytes and megabytes > 0 else resource.RLIM_INFINITY
    if hard != resource.RLIM_INFINITY and (wanted == resource.RLIM_INFINITY or wanted > hard):
        wanted = hard
    resource.setrlimit(resource.RLIMIT_DATA, (wanted, hard))


def _filter(arch: int, socket_nr: int, io_uring_nr: int) -> bytes:
    """The BPF program: refuse foreign-ABI calls, io_uring and non-AF_UNIX sockets."""
    allow, refuse = 8, 9  # indexes of the two return instructions below
    steps = [
        (_LOAD_WORD, 0, 0, _ARCH),  # 0
        (_JUMP_EQUAL, 0, refuse - 2, arch),  # 1: another ABI (e.g. i386 calls) -> refuse
        (_LOAD_WORD, 0, 0, _NR),  # 2
        (_JUMP_AT_LEAST, refuse - 4, 0, _X32_SYSCALL_BIT),  # 3: x32 calls -> refuse
        (_JUMP_EQUAL, refuse - 5, 0, io_uring_nr),  # 4
        (_JUMP_EQUAL, 0, allow - 6, socket_nr),  # 5: anything else -> allow
        (_LOAD_WORD, 0, 0, _ARG0),  # 6: the address family
        (_JUMP_EQUAL, allow - 8, refuse - 8, socket.AF_UNIX),  # 7
        (_RETURN, 0, 0, _ALLOW),  # 8
        (_RETURN, 0, 0, _REFUSE),  # 9
    ]
    return b"".join(struct.pack("HBBI", *step) for step in steps)


def _check_wall() -> None:
    """Prove the filter holds: an Internet socket must now be refused."""
    for family in (socket.AF_INET, socket.AF_INET6):
        try:
            probe = socket.socket(family, socket.SOCK_STREAM)
        except PermissionError:
            continue
        except OSError as exc:
            if exc.errno == errno.EAFNOSUPPORT:  # no IPv6 on this host: nothing to reach
                continue
            raise
        probe.close()
        raise SandboxError(errno.EPERM, "the seccomp filter did not stop an Internet socket")
