// HFSync wraps these products' calls and returns their types, so importing HFSync is enough.
@_exported import HFStreaming
@_exported import HFEmbeddings
@_exported import HFModels
@_exported import HFMultimodal
