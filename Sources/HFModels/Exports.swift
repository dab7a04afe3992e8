// The client and the types every call uses come with this product: `import HFModels` is enough.
@_exported import HFCore
