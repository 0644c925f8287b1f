import ConcordFormats

/// A text output (a report, a page, an XLIFF file, a rebuilt release) written whole or not at
/// all: a file appears only when complete, and one of the inputs is never overwritten.
public enum TextOutput {
    public static func write(_ text: String, to output: OutputLocation, inputs: [InputLocation] = []) throws {
        let file = try AtomicOutputFile(output, inputs: inputs)
        do {
            try file.write(text)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }
}
