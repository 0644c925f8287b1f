/// An XML or HTML node as a Swift value, detached from libxml2.
public indirect enum XMLNode: Equatable, Sendable {
    case element(XMLElement)
    case text(String)
    case comment(String)

    /// The element, if this node is one.
    public var element: XMLElement? {
        if case let .element(element) = self { return element }
        return nil
    }
}

/// An element with its attributes (in document order) and children.
public struct XMLElement: Equatable, Sendable {
    /// Local name, lower-cased for HTML.
    public var name: String
    public var attributes: [(name: String, value: String)]
    public var children: [XMLNode]
    /// The line it starts on (1-based), when known.
    public var line: Int

    public init(name: String, attributes: [(name: String, value: String)] = [], children: [XMLNode] = [], line: Int = 0) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The concatenated text of every descendant text node.
    public var textContent: String {
        var result = ""
        for child in children {
            switch child {
            case let .text(text): result += text
            case let .element(element): result += element.textContent
            case .comment: break
            }
        }
        return result
    }

    /// Child elements only.
    public var childElements: [XMLElement] { children.compactMap(\.element) }

    public static func == (lhs: XMLElement, rhs: XMLElement) -> Bool {
        lhs.name == rhs.name && lhs.children == rhs.children && lhs.line == rhs.line
            && lhs.attributes.map(\.name) == rhs.attributes.map(\.name)
            && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
    }
}
