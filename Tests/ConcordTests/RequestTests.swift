import Concord
import ConcordTestSupport
import Foundation
import Testing

/// Workflows take request values and give result values; a request travels as JSON (as
/// the server will receive it) and runs the same.
@Suite struct RequestTests {
    static let memory = MemoryWorkflowTests.memory

    @Test func aConversionRequestArrivesAsJSONAndRunsOnUploadedBytes() throws {
        let request = ConversionRequest(inputs: [.bytes(name: "upload.tmx", content: Array(Self.memory.utf8))], output: .memory(MemoryOutput()),
                                        selection: { var selection = UnitSelection(); selection.languages = [LanguageTag("en"), LanguageTag("zh")]; return selection }())
        let json = try ConcordJSON.encode(request)
        let decoded = try JSONDecoder().decode(ConversionRequest.self, from: Data(json))
        #expect(decoded.inputs == request.inputs)
        #expect(decoded.selection == request.selection)
        guard case let .memory(output) = decoded.output else { Issue.record("the output is not memory"); return }
        let report = try decoded.run()
        #expect(report == ConversionReport(read: 2, written: 2, diagnostics: []))   // unit "a" keeps its English alone
        #expect(String(decoding: output.bytes, as: UTF8.self).contains("会谈结束。"))
    }

    @Test func inputLocationsHaveReadableJSON() throws {
        #expect(try ConcordJSON.string(InputLocation.file("m.tmx")) == #"{"file":"m.tmx"}"#)
        #expect(try ConcordJSON.string(InputLocation.standardInput) == #"{"standardInput":true}"#)
        #expect(try ConcordJSON.string(InputLocation.bytes(name: "x", content: [0x41])) == #"{"bytes":"QQ==","name":"x"}"#)
        #expect(throws: DecodingError.self) { _ = try JSONDecoder().decode(InputLocation.self, from: Data("{}".utf8)) }
    }

    @Test func lookupRequestsAnswerFromOneSharedIndex() async throws {
        let loaded = try MemoryLoadRequest(files: [try MemoryLookup.Source(.bytes(name: "m.tmx", content: Array(Self.memory.utf8)))],
                                           from: LanguageTag("en"), to: LanguageTag("ru")).run()
        let shared = try SharedMemoryIndex(loaded.index)
        let requests = ["The summit opened on 25 April.", "Talks ended.", "Nothing like it at all here."].map { LookupRequest(query: $0) }
        let results = try await withThrowingTaskGroup(of: LookupResult.self) { group in
            for request in requests { group.addTask { try request.run(in: shared) } }
            return try await group.reduce(into: [LookupResult]()) { $0.append($1) }
        }
        let byQuery = Dictionary(uniqueKeysWithValues: results.map { ($0.query, $0) })
        #expect(byQuery["Talks ended."]?.matches.first?.score == 100)
        #expect(byQuery["The summit opened on 25 April."]?.matches.first?.adaptedTarget == "Саммит открылся 25 апреля.")
        #expect(byQuery["Nothing like it at all here."]?.matches.isEmpty == true)
    }

    @Test func glossaryAndTermsRequestsReportAsValues() throws {
        let glossary = InputLocation.file(TestSupport.packageRoot.appendingPathComponent("Glossaries/sco.tbx").path)
        let validation = try GlossaryValidationRequest(glossary: glossary).run()
        #expect(validation.valid)
        let statistics = try GlossaryStatisticsRequest(glossary: glossary).run()
        #expect(statistics.statistics.concepts == validation.concepts)
        let lookup = try GlossaryLookupRequest(term: "Совета Безопасности ООН", glossaries: [glossary], language: LanguageTag("ru")).run()
        #expect(lookup.report.concepts.map(\.concept) == ["un_security_council"])
        let terms = try TermsRequest(input: .bytes(name: "release.txt", content: Array("The SCO summit opened. Precursors were discussed.".utf8)),
                                     glossaries: [glossary], language: LanguageTag("en"), targetLanguages: [LanguageTag("ru")]).run()
        #expect(terms.reports.count == 2)
        #expect(terms.reports[0].hits.first?.targets.map(\.term).contains("саммит ШОС") == true)
    }
}
