/// Which state of which store something was made from: the store's generation (raised by
/// every write transaction) and its identity (a random number given at its creation, so a
/// store copied over another is not taken for it).
public struct StoreStamp: Sendable, Codable, Equatable {
    public var generation: Int64
    public var identity: Int64

    public init(generation: Int64, identity: Int64) {
        self.generation = generation
        self.identity = identity
    }
}
