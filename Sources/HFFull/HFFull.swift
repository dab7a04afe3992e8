// Everything in one import: every product of this package that exists.
@_exported import HFCore
