"""Search indexes: embeddings, the FAISS vector index and the BM25 lexical index."""
