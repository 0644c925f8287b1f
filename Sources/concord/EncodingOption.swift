import ArgumentParser

/// `--encoding`, for the commands that read a document or a query file.
struct EncodingOption: ParsableArguments {
    @Option(help: "The input's character set when it is not Unicode (UTF-8, UTF-16 and UTF-32 are recognised): windows-1251, KOI8-R, GB18030, Big5 …")
    var encoding: String?
}
