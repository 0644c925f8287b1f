import ConcordMemory
import ConcordModel
import Dispatch

/// `tm lookup`: one sentence looked up in loaded memories, with its neighbours for context matches.
public struct LookupRequest: Codable, Sendable, Equatable {
    public var query: String
    /// The sentences before and after the query in its document (101 and 102 need them).
    public var previous: String?
    public var next: String?
    /// The lowest score returned (0–100).
    public var minimum: Int
    /// At most this many matches.
    public var limit: Int

    public init(query: String, previous: String? = nil, next: String? = nil, minimum: Int = 50, limit: Int = 5) {
        self.query = query
        self.previous = previous
        self.next = next
        self.minimum = minimum
        self.limit = limit
    }

    /// The matches in `memory`, explained, with the time the lookup took.
    public func run(in memory: TranslationMemoryIndex) throws -> LookupResult {
        let started = DispatchTime.now().uptimeNanoseconds
        let matches = try memory.lookup(Segment(query), previous: previous, next: next, minimum: minimum, limit: limit)
        let micros = Int((DispatchTime.now().uptimeNanoseconds - started) / 1000)
        return LookupResult(query: query, micros: micros, matches: matches.map(MatchReport.init))
    }

    /// The same on an index shared between tasks.
    public func run(in memory: SharedMemoryIndex) throws -> LookupResult {
        let started = DispatchTime.now().uptimeNanoseconds
        let matches = try memory.lookup(Segment(query), previous: previous, next: next, minimum: minimum, limit: limit)
        let micros = Int((DispatchTime.now().uptimeNanoseconds - started) / 1000)
        return LookupResult(query: query, micros: micros, matches: matches.map(MatchReport.init))
    }
}
