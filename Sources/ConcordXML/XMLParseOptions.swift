import CLibXML2

/// Parser options for untrusted input: no network, no external entities or
/// DTD loading, no entity substitution (so no XXE), and libxml2's own limits
/// on entity amplification left on (no `XML_PARSE_HUGE`).
enum SafeParserOptions {
    static var xml: Int32 {
        Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
    }

    static var html: Int32 {
        Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
              | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)
    }
}
