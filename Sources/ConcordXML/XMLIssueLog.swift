import CLibXML2

/// What libxml2 reported while parsing: the first fatal error, which ends
/// reading, and the warnings and recoverable errors before it.
struct XMLIssueLog {
    private(set) var fatal: XMLIssue?
    private(set) var issues: [XMLIssue] = []

    /// Keeps the first fatal issue; collects the others in order.
    mutating func record(_ issue: XMLIssue) {
        if issue.level == .fatal {
            if fatal == nil { fatal = issue }
        } else {
            issues.append(issue)
        }
    }

    mutating func record(_ error: xmlErrorPtr) {
        record(XMLIssue(libxml2: error))
    }

    /// Our own refusal: it is the reason reading stops, whatever libxml2 saw ahead.
    mutating func refuse(_ issue: XMLIssue) {
        fatal = issue
    }
}
