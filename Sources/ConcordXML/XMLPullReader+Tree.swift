extension XMLPullReader {
    /// The element the reader is on, with everything inside it, as a tree of values
    /// (text, CDATA and entity text as text). The reader is left on the element's end.
    /// For small parts of a large document (one XLIFF unit, one segment).
    public func readTree() throws -> XMLElement {
        var stack = [XMLElement(name: localName, attributes: attributes, line: line)]
        if isEmptyElement { return stack[0] }
        while try read() {
            switch kind {
            case .element:
                let element = XMLElement(name: localName, attributes: attributes, line: line)
                if isEmptyElement {
                    stack[stack.count - 1].children.append(.element(element))
                } else {
                    stack.append(element)
                }
            case .endElement:
                let finished = stack.removeLast()
                if stack.isEmpty { return finished }
                stack[stack.count - 1].children.append(.element(finished))
            case .text, .whitespace, .cdata, .entityReference:
                // One text node for adjacent text, whatever pieces the parser gave.
                if case let .text(before)? = stack[stack.count - 1].children.last {
                    stack[stack.count - 1].children[stack[stack.count - 1].children.count - 1] = .text(before + value)
                } else {
                    stack[stack.count - 1].children.append(.text(value))
                }
            case .comment:
                stack[stack.count - 1].children.append(.comment(value))
            default:
                break
            }
        }
        throw XMLError.notWellFormed(file: fileName, line: line, column: 1, message: "the document ends inside <\(stack[0].name)>")
    }
}
