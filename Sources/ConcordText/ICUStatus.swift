import CICU

/// Turns an ICU status code into a thrown ``TextError``; warnings (negative codes) pass.
@inline(__always)
func checkICU(_ status: Int32, _ operation: @autoclosure () -> String) throws {
    if status > 0 {
        throw TextError.icu(operation: operation(), name: icuErrorName(status))
    }
}

func icuErrorName(_ status: Int32) -> String {
    guard let name = cicu_error_name(status) else { return "error \(status)" }
    return String(cString: name)
}
