import ConcordTestSupport
import Foundation
import Testing

/// Documents and query files in the encodings press offices still receive.
@Suite struct EncodingTests {
    static let russian = "Саммит открылся. Делегаты прибыли."
    static let cases: [(encoding: String, language: String, bytes: [UInt8], first: String)] = [
        ("windows-1251", "ru", [209, 224, 236, 236, 232, 242, 32, 238, 242, 234, 240, 251, 235, 241, 255, 46, 32, 196, 229, 235, 229, 227, 224, 242, 251, 32, 239, 240, 232, 225, 251, 235, 232, 46], "Саммит открылся."),
        ("KOI8-R", "ru", [243, 193, 205, 205, 201, 212, 32, 207, 212, 203, 210, 217, 204, 211, 209, 46, 32, 228, 197, 204, 197, 199, 193, 212, 217, 32, 208, 210, 201, 194, 217, 204, 201, 46], "Саммит открылся."),
        ("GB18030", "zh", [183, 229, 187, 225, 191, 170, 196, 187, 161, 163, 180, 250, 177, 237, 181, 214, 180, 239, 161, 163], "峰会开幕。"),
        ("Big5", "zh", [174, 112, 183, 124, 182, 125, 185, 245, 161, 67, 165, 78, 170, 237, 169, 232, 185, 70, 161, 67], "峰會開幕。"),
    ]

    @Test func namedEncodingsAreRead() throws {
        for item in Self.cases {
            let result = try TestSupport.runConcord(["segment", "-", "--lang", item.language, "--encoding", item.encoding], input: Data(item.bytes))
            #expect(result.status == 0, "\(item.encoding): \(result.stderr)")
            #expect(result.stdout.split(separator: "\n").map(String.init) .first == item.first, "\(item.encoding): \(result.stdout)")
            // Without --encoding the bytes are not UTF-8: said with the offset, not read as garbage.
            let unnamed = try TestSupport.runConcord(["segment", "-", "--lang", item.language], input: Data(item.bytes))
            #expect(unnamed.status == 65)
            #expect(unnamed.stderr.contains("byte 0 is not valid UTF-8"), "\(item.encoding): \(unnamed.stderr)")
        }
        let unknown = try TestSupport.runConcord(["segment", "-", "--lang", "ru", "--encoding", "klingon"], input: Data("x".utf8))
        #expect(unknown.status == 64)
    }

    @Test func unicodeWithAndWithoutAMarkIsRecognised() throws {
        let text = "Hello there. Bye now.\n"
        var forms: [Data] = []
        for encoding: String.Encoding in [.utf16LittleEndian, .utf16BigEndian, .utf32LittleEndian, .utf32BigEndian] {
            let bare = text.data(using: encoding)!
            forms.append(bare)
        }
        forms.append(Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!)
        forms.append(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))
        for (number, bytes) in forms.enumerated() {
            for command in [["segment", "-", "--lang", "en"], ["tm", "lookup", "--queries", "-", "--tm", "m.tmx", "--from", "en", "--to", "ru"]] {
                let directory = try TestSupport.temporaryDirectory()
                defer { try? FileManager.default.removeItem(at: directory) }
                try TMStoreCommandTests.memory.write(to: directory.appendingPathComponent("m.tmx"), atomically: true, encoding: .utf8)
                let result = try TestSupport.runConcord(command, input: bytes, directory: directory)
                #expect(result.status == 0, "form \(number) \(command[0]): \(result.stderr)")
                #expect(result.stdout.contains("Hello there.") && result.stdout.contains("Bye now."), "form \(number): \(result.stdout)")
                #expect(!result.stdout.contains("\0"))
            }
        }
    }
}
