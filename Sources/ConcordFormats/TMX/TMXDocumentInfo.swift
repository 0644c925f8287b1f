import ConcordModel

/// A TMX file's header plus what the reader found while reading it.
public struct TMXDocumentInfo: Sendable {
    public var header: TMXHeader
    /// True when the file had a `<header>` element.
    public var hasHeader: Bool
}
