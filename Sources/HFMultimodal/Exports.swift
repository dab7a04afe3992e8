// The client and the types every call uses come with this product: `import HFMultimodal` is enough.
@_exported import HFCore
