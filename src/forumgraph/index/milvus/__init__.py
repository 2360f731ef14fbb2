"""The Milvus index backend: passages, their vectors (one field per encoder) and Milvus's own BM25.

One collection holds the passages of every generation a process may still read; each row records
the generation that wrote it (`born`) and a query sees exactly the rows of its generation: those
born between the generation's floor (its last rebuild) and itself, minus the rows a later write
dropped (tombstones in the meta collection). Rows a generation no longer needs are deleted once
no reader serves an older one. See `target.py` (where), `schema.py` (what), `search.py` (reads),
`writes.py` (writes) and `records.py` (the records of stores without local generations).
"""
