/// The token diff shown with a match: `=` kept, `-` only in the memory's
/// source, `+` only in the query, in reading order.
///
/// The standard library's diff does the work; its memory grows with the length
/// times the number of differences, so for long pairs the common beginning and
/// end are taken off first (linear), and a middle still longer than
/// ``maximumMiddle`` tokens is shown as removed then inserted as a whole, so a
/// pathological pair (a 200,000-word query) costs linear memory.
enum TokenDiff {
    /// The longest middle (source and query tokens together) diffed token by token.
    static let maximumMiddle = 4_000

    static func explain(source: [String], query: [String]) -> [String] {
        if source.count + query.count <= maximumMiddle { return middle(source: source, query: query) }
        var prefix = 0
        while prefix < source.count, prefix < query.count, source[prefix] == query[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < source.count - prefix, suffix < query.count - prefix,
              source[source.count - 1 - suffix] == query[query.count - 1 - suffix] { suffix += 1 }
        let sourceMiddle = source[prefix..<source.count - suffix]
        let queryMiddle = query[prefix..<query.count - suffix]

        var explanation = query[..<prefix].map { "=" + $0 }
        if sourceMiddle.count + queryMiddle.count > maximumMiddle {
            explanation += sourceMiddle.map { "-" + $0 }
            explanation += queryMiddle.map { "+" + $0 }
        } else {
            explanation += middle(source: Array(sourceMiddle), query: Array(queryMiddle))
        }
        explanation += query[(query.count - suffix)...].map { "=" + $0 }
        return explanation
    }

    private static func middle(source: [String], query: [String]) -> [String] {
        let diff = query.difference(from: source)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in diff {
            switch change {
            case let .remove(offset, _, _): removed.insert(offset)
            case let .insert(offset, _, _): inserted.insert(offset)
            }
        }
        var explanation: [String] = []
        var sourceIndex = 0, queryIndex = 0
        while sourceIndex < source.count || queryIndex < query.count {
            if sourceIndex < source.count, removed.contains(sourceIndex) {
                explanation.append("-" + source[sourceIndex])
                sourceIndex += 1
            } else if queryIndex < query.count, inserted.contains(queryIndex) {
                explanation.append("+" + query[queryIndex])
                queryIndex += 1
            } else {
                if queryIndex < query.count { explanation.append("=" + query[queryIndex]) }
                sourceIndex += 1
                queryIndex += 1
            }
        }
        return explanation
    }
}
