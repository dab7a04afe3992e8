// HFCore's public surface includes the JSON value and the HTTP types of the layers below it, so one
// `import HFCore` (or any product) is enough to use them.
@_exported import HFJSON
@_exported import HFTransport
