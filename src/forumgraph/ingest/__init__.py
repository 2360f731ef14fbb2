"""Reading, analysing and extracting: articles in, passages and entity extractions out."""
