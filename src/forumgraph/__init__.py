"""forumgraph: a knowledge-graph search service for Korean and English tech-community articles."""

import os

# OpenMP threads (FAISS, torch) that spin after each parallel region steal the few cores a
# search shares between onnxruntime, FAISS and the web server; sleeping costs nothing
# measurable in batch encoding. Read once when OpenMP loads, so it is set before any import.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

__version__ = "0.1.0"

__all__ = ["__version__"]
