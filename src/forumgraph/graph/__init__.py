"""The RDF graph: terms and IRIs, triples per document, the triple store and SPARQL."""
