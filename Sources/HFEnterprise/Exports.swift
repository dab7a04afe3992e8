// The client and the types every call uses come with this product: `import HFEnterprise` is enough.
@_exported import HFCore
