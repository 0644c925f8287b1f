import ArgumentParser
import Concord
#if canImport(Glibc)
import Glibc
#endif

/// `concord`: translation memories and glossaries for press releases.
@main
struct ConcordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concord",
        abstract: "Translation memories, glossaries and checks for multilingual press releases.",
        discussion: """
        Examples:
          concord tmx stats TMX/un-testset.en-ru-zh.tmx
          concord tmx convert memory.tmx -o memory.csv --langs en,ru
        """,
        version: ConcordVersion.string,
        subcommands: [SegmentCommand.self, TermsCommand.self, GlossaryCommand.self, TMCommand.self, TMXCommand.self,
                      AlignCommand.self, PrepareCommand.self, FinishCommand.self, CheckCommand.self, DiagnosticsCommand.self]
    )

    /// Runs the command and maps every error to the CLI contract's exit codes in one place.
    static func main() {
        // A reader that goes away (`concord … | head`) ends the process quietly, as it does `cat`.
        signal(SIGPIPE, SIG_DFL)
        Interruption.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as CommandFailure {
            Glibc.exit(error.status.rawValue)
        } catch FormatError.outputClosed {
            // Reached only where SIGPIPE is ignored by whoever started us: the same quiet end.
            Glibc.exit(128 + SIGPIPE)
        } catch {
            if isArgumentParserError(error) {
                exit(withError: error)
            }
            let failure = ConcordError(error)
            StandardStreams.writeError("concord: \(failure.message)")
            Glibc.exit(failure.exitStatus.rawValue)
        }
    }

    /// ArgumentParser's own errors (help, version, usage) print and exit its way.
    private static func isArgumentParserError(_ error: Error) -> Bool {
        error is ValidationError || error is CleanExit || error is ExitCode
            || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }
}
