// Similarity works on HFEmbeddings' vectors: `import HFSimilarity` brings them, and the client, along.
@_exported import HFEmbeddings
