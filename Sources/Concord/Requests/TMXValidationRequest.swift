import ConcordFormats

/// `tmx validate`: a TMX file judged against TMX 1.4b.
public struct TMXValidationRequest: Codable, Sendable, Equatable {
    public var input: InputLocation

    public init(input: InputLocation) {
        self.input = input
    }

    public func run() throws -> TMXValidationResult {
        try TMXValidation.validate(input)
    }
}
