/// Every kind of finding Concord reports, declared once (`concord diagnostics`
/// prints this list). Add a kind here before reporting it; a test checks that
/// no finding is made from a bare id.
public enum DiagnosticCatalog {
    // MARK: TMX reading and writing
    public static let tmxBadAttribute = DiagnosticKind("tmx.bad-attribute", .error,
        "an attribute has a value TMX 1.4b does not allow (such as <it> without pos=\"begin\" or \"end\")")
    public static let tmxBadDate = DiagnosticKind("tmx.bad-date", .warning,
        "a date is not ISO 8601 (YYYYMMDDThhmmssZ); it is kept as written")
    public static let tmxControlCharacter = DiagnosticKind("tmx.control-character", .warning, strict: .error,
        "a character XML does not allow (such as U+0001) was removed before reading")
    public static let tmxDeprecatedUT = DiagnosticKind("tmx.deprecated-ut", .warning,
        "<ut> is deprecated in TMX 1.4 and not allowed at Level 2")
    public static let tmxDroppedAttribute = DiagnosticKind("tmx.dropped-attribute", .warning,
        "an attribute that is not TMX 1.4b was left out of the written file")
    public static let tmxEmptyUnit = DiagnosticKind("tmx.empty-unit", .warning,
        "a unit has no <tuv>; it cannot be matched")
    public static let tmxEmptyUnitDropped = DiagnosticKind("tmx.empty-unit-dropped", .warning,
        "a unit without variants was left out of the written TMX, which requires one")
    public static let tmxEncodingLabel = DiagnosticKind("tmx.encoding-label", .warning, strict: .error,
        "the XML declaration names an encoding the bytes are not in; the file was read as UTF-8")
    public static let tmxEntityNotLoaded = DiagnosticKind("tmx.entity-not-loaded", .warning, strict: .error,
        "an external entity was left out: Concord never loads other files")
    public static let tmxHeaderAttributeMissing = DiagnosticKind("tmx.header-attribute-missing", .warning, strict: .error,
        "<header> lacks attributes TMX 1.4b requires (creationtool, segtype, srclang, …)")
    public static let tmxInvalidLanguage = DiagnosticKind("tmx.invalid-language", .warning, strict: .error,
        "xml:lang is not a well-formed BCP 47 tag")
    public static let tmxMisplacedElement = DiagnosticKind("tmx.misplaced-element", .warning, strict: .error,
        "an element is in the wrong order (such as <prop> after <seg>); it is read anyway")
    public static let tmxMissingHeader = DiagnosticKind("tmx.missing-header", .warning, strict: .error,
        "the file has no <header>; units are read without one")
    public static let tmxMissingLanguage = DiagnosticKind("tmx.missing-language", .error,
        "<tuv> has no xml:lang; its language is recorded as 'und'")
    public static let tmxMissingSeg = DiagnosticKind("tmx.missing-seg", .warning, strict: .error,
        "<tuv> has no <seg>; the variant is empty")
    public static let tmxNotWellFormed = DiagnosticKind("tmx.not-well-formed", .error,
        "the XML is broken; with --recover the complete units before the fault are kept")
    public static let tmxPropWithoutType = DiagnosticKind("tmx.prop-without-type", .warning, strict: .error,
        "<prop> has no type attribute, which TMX requires")
    public static let tmxRemovedCharacter = DiagnosticKind("tmx.removed-character", .warning,
        "characters XML 1.0 does not allow were removed from a unit while writing")
    public static let tmxSingleLanguage = DiagnosticKind("tmx.single-language", .warning,
        "a unit has one language only; it cannot be matched as a translation")
    public static let tmxTextOutsideSeg = DiagnosticKind("tmx.text-outside-seg", .warning, strict: .error,
        "text stands directly in <tuv> without <seg>; it is taken as the segment")
    public static let tmxUnexpectedElement = DiagnosticKind("tmx.unexpected-element", .warning, strict: .error,
        "an element that is not part of TMX at this place was skipped")
    public static let tmxUnknownInline = DiagnosticKind("tmx.unknown-inline", .warning, strict: .error,
        "an inline element TMX does not define; its text is kept, the tag dropped")
    public static let tmxUnpairedCode = DiagnosticKind("tmx.unpaired-code", .warning, strict: .error,
        "<bpt> and <ept> do not pair up by i in a segment")
    public static let tmxVersion = DiagnosticKind("tmx.version", .warning,
        "the file declares another TMX version than 1.4; it was checked against TMX 1.4b")

    // MARK: Documents
    public static let documentEmpty = DiagnosticKind("document.empty", .warning,
        "a document holds no text (an empty file, or only white space or markup): nothing to segment")

    // MARK: Delimited tables
    public static let tableExtraFields = DiagnosticKind("table.extra-fields", .warning,
        "a row has more fields than the header; the extra fields are ignored")
    public static let tableSeveralVariants = DiagnosticKind("table.several-variants", .warning,
        "units with several variants in one language; a table keeps the first of each")

    // MARK: Memory
    public static let memoryNoLanguagePair = DiagnosticKind("memory.no-language-pair", .warning,
        "no unit of a memory has both languages asked for; the languages it has are listed")
    public static let memoryTooManyVariants = DiagnosticKind("memory.too-many-variants", .warning,
        "a unit has more variants in one language than are matched; the first ones are used")
    public static let memoryIndexRebuilt = DiagnosticKind("memory.index-rebuilt", .warning,
        "a store's index file was stale, cut short or damaged; it was rebuilt from the store, not used")
    public static let memoryIndexNotSaved = DiagnosticKind("memory.index-not-saved", .warning,
        "a store's index could not be saved beside it (a read-only folder); it is rebuilt at every start")

    // MARK: Glossaries
    public static let glossaryDuplicateConceptID = DiagnosticKind("glossary.duplicate-concept-id", .error,
        "two concepts share an id")
    public static let glossaryDuplicateTerm = DiagnosticKind("glossary.duplicate-term", .error,
        "a concept lists the same term twice in one language")
    public static let glossaryEmptyTerm = DiagnosticKind("glossary.empty-term", .error,
        "a term is empty")
    public static let glossaryNoConcepts = DiagnosticKind("glossary.no-concepts", .warning,
        "the glossary has no concepts")
    public static let glossaryNoLanguage = DiagnosticKind("glossary.no-language", .warning,
        "no term of a glossary is in the language asked for; the languages it has are listed")
    public static let glossaryNoPreferredTerm = DiagnosticKind("glossary.no-preferred-term", .warning,
        "a concept has terms in a language but none of them is preferred")
    public static let glossarySingleLanguage = DiagnosticKind("glossary.single-language", .warning,
        "a concept has terms in one language only")
    public static let glossaryTermInTwoConcepts = DiagnosticKind("glossary.term-in-two-concepts", .error,
        "the same term belongs to two concepts, so recognising it is ambiguous")

    // MARK: Quality checks (concord check)
    public static let checkMissingTerm = DiagnosticKind("check.missing-term", .error,
        "the source names a glossary concept and the target has none of its preferred or admitted terms")
    public static let checkDeprecatedTerm = DiagnosticKind("check.deprecated-term", .error,
        "a deprecated or superseded glossary term is used (in the target, or in the source)")
    public static let checkInconsistentSource = DiagnosticKind("check.inconsistent-source", .warning,
        "the same source text is translated differently elsewhere")
    public static let checkInconsistentTarget = DiagnosticKind("check.inconsistent-target", .warning,
        "the same translation stands for different source texts elsewhere")
    public static let checkTermVariant = DiagnosticKind("check.term-variant", .warning,
        "one concept is rendered with different terms of the same kind across the file")
    public static let checkNumberMismatch = DiagnosticKind("check.number-mismatch", .error,
        "the numbers of source and target differ (1,000 = 1000 = 1 000; 4 April = 4 апреля = 4月4日)")
    public static let checkUntranslated = DiagnosticKind("check.untranslated", .error,
        "the target is empty, or the same as a source that has words in it")
    public static let checkTagMismatch = DiagnosticKind("check.tag-mismatch", .error,
        "the inline codes of source and target differ in kind or number")
    public static let checkPunctuation = DiagnosticKind("check.punctuation", .warning,
        "the end punctuation, or the pairing of quotes and brackets, does not correspond")

    /// Every kind, sorted by id.
    public static let all: [DiagnosticKind] = [
        tmxBadAttribute, tmxBadDate, tmxControlCharacter, tmxDeprecatedUT, tmxDroppedAttribute, tmxEmptyUnit,
        tmxEmptyUnitDropped, tmxEncodingLabel, tmxEntityNotLoaded, tmxHeaderAttributeMissing, tmxInvalidLanguage,
        tmxMisplacedElement, tmxMissingHeader, tmxMissingLanguage, tmxMissingSeg, tmxNotWellFormed,
        tmxPropWithoutType, tmxRemovedCharacter, tmxSingleLanguage, tmxTextOutsideSeg, tmxUnexpectedElement,
        tmxUnknownInline, tmxUnpairedCode, tmxVersion,
        documentEmpty, tableExtraFields, tableSeveralVariants,
        memoryNoLanguagePair, memoryTooManyVariants, memoryIndexRebuilt, memoryIndexNotSaved,
        glossaryDuplicateConceptID, glossaryDuplicateTerm, glossaryEmptyTerm, glossaryNoConcepts, glossaryNoLanguage,
        glossaryNoPreferredTerm, glossarySingleLanguage, glossaryTermInTwoConcepts,
        checkMissingTerm, checkDeprecatedTerm, checkInconsistentSource, checkInconsistentTarget, checkTermVariant,
        checkNumberMismatch, checkUntranslated, checkTagMismatch, checkPunctuation,
    ].sorted { $0.id < $1.id }

    private static let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The kind with `id`, if there is one.
    public static func kind(_ id: String) -> DiagnosticKind? { byID[id] }
}
