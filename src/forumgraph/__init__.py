"""forumgraph: a knowledge-graph search service for Korean and English tech-community articles."""

__version__ = "0.1.0"

__all__ = ["__version__"]
