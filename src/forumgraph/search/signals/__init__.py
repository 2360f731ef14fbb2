"""Search signals: each ranks passages for a query its own way; the service fuses their rankings.

A signal is one module with a `build(env)` function and one line in `registry.py`.
"""
