"""Hybrid retrieval over the indexes and the graph, and the SearchService shared by all surfaces."""
