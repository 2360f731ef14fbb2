"""How the cost of a step grows with its input, measured so that a busy machine cannot fail it.

A test that guards against super-linear work must not assert a wall-clock limit: other processes
slow every step alike. What they do not change is the ratio between the cost of the same step on
an input and on one `FACTOR` times larger. Each cost is the smallest of a few runs of CPU time of
this process, which other processes do not add to.
"""

from __future__ import annotations

import time
from collections.abc import Callable

FACTOR = 4
# Linear work grows FACTOR times, quadratic work FACTOR**2 = 16 times: the bound sits between.
MAX_RATIO = 8.0
RUNS = 3


def cpu_cost(step: Callable[[], object], runs: int = RUNS) -> float:
    """The smallest CPU time (seconds, this process) that `step` took over `runs` runs."""
    costs = []
    for _ in range(runs):
        start = time.process_time()
        step()
        costs.append(time.process_time() - start)
    return min(costs)


def assert_linear_growth(step_for_size: Callable[[int], Callable[[], object]], size: int) -> None:
    """Fail if the step costs clearly more than linearly more on an input FACTOR times larger.

    `step_for_size(n)` builds the input of size `n` (outside the measurement) and returns the step
    to time. `size` should make the small run take at least a few tens of milliseconds, so that
    fixed costs do not hide the growth.
    """
    small = step_for_size(size)
    large = step_for_size(size * FACTOR)
    small_cost = max(cpu_cost(small), 1e-3)
    large_cost = cpu_cost(large)
    ratio = large_cost / small_cost
    assert ratio < MAX_RATIO, (
        f"{FACTOR}x the input cost {ratio:.1f}x the CPU time ({small_cost:.3f} s -> "
        f"{large_cost:.3f} s); linear work would cost about {FACTOR}x"
    )
