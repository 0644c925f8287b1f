import ArgumentParser
import Concord

/// The one glossary a command reads (`glossary stats`, `glossary validate`).
struct GlossaryFileArgument: ParsableArguments {
    @Argument(help: "The glossary (.tbx, .csv, .tsv); - reads TBX from standard input.")
    var glossary: String

    var location: InputLocation { InputLocation(argument: glossary) }
}
