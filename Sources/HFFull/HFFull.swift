// Everything in one import: every product of this package that exists.
@_exported import HFCore
@_exported import HFInference
@_exported import HFStreaming
@_exported import HFEmbeddings
@_exported import HFSimilarity
@_exported import HFModels
@_exported import HFMultimodal
@_exported import HFEnterprise
@_exported import HFSync
