import Concord

// The command line's one convention for streams: `-` names standard input or output.
// Only the CLI knows it; the service layer takes locations.

extension InputLocation {
    /// `-` is standard input; anything else a file.
    init(argument: String) {
        self = argument == "-" ? .standardInput : .file(argument)
    }
}

extension OutputLocation {
    /// `-` is standard output; anything else a file.
    init(argument: String) {
        self = argument == "-" ? .standardOutput : .file(argument)
    }
}

extension MemoryLookup.Source {
    /// `FILE` or `FILE:PENALTY` (as in OmegaT and Trados): `old.tmx:5` takes 5 points off its matches.
    init(argument: String) throws {
        if let colon = argument.lastIndex(of: ":"), let penalty = Int(argument[argument.index(after: colon)...]) {
            guard (0...100).contains(penalty) else {
                throw WorkflowError.usage("\(argument): a memory penalty is a number from 0 to 100 (FILE:5 takes 5 points off its matches)")
            }
            try self.init(InputLocation(argument: String(argument[..<colon])), penalty: penalty)
        } else {
            try self.init(InputLocation(argument: argument))
        }
    }
}
