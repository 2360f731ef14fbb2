"""Korean and English text handling shared by ingest, index and search: the one place for it."""
