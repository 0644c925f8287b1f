/// What to do with a quotation of several sentences.
public enum QuotationPolicy: String, Sendable, CaseIterable {
    /// Split at its sentence ends; a closing mark stays with its sentence (the TM convention).
    case split
    /// Keep the whole quotation in one segment (the golden-rules convention).
    case keep
}
