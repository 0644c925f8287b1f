/// Parses a document a chunk at a time into an ``XMLEventBuffer``, for
/// ``XMLPullReader`` to walk.
protocol XMLEventProducer: AnyObject {
    /// Parses the next chunk, appending its events; false once the document
    /// has ended or failed (then ``failure`` says why). Throws what the byte
    /// source throws.
    func produce() throws -> Bool
    /// Why the document cannot be read further; nil after a clean end.
    var failure: XMLError? { get }
    /// True when the failure came only once the input had ended (a file cut off mid-tag).
    var failedAtEndOfInput: Bool { get }
    /// Warnings and recoverable errors, in the order libxml2 reported them.
    var issues: [XMLIssue] { get }
    var parserLine: Int { get }
    var parserColumn: Int { get }
    var documentEncoding: String? { get }
}
