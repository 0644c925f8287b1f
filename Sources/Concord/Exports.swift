// The workflow module is the one façade the CLI (and any server) imports:
// it re-exports the value types its API speaks in.
@_exported import ConcordFormats
@_exported import ConcordModel
@_exported import ConcordTerminology
@_exported import ConcordMemory
@_exported import ConcordSegmentation
@_exported import ConcordAlignment
@_exported import ConcordChecks
