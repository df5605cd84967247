import PingchaModel

/// Turns the text of one cell into the value of one case field.
///
/// One normaliser is built per column and reused for every row (a class, so the per-cell
/// loop borrows it rather than copying its tables): the type dispatch, the
/// enum and list lookup tables, the header unit and the message texts are all worked
/// out here, once, because a run reads millions of cells.
public final class ValueNormaliser: Sendable {
    public let field: FieldDefinition
    private let reading: Reading

    private enum Reading: Sendable {
        /// `required`: a word that says nothing was recorded (无, 不详) is no value.
        case text(required: Bool)
        case date
        /// `extra`: the export's own spellings, folded (``ValueVocabulary/fold(_:)``).
        case bool(extra: [String: Bool])
        case number(headerExponent: Int)
        case choice(ValueVocabulary, expected: String)
        /// Nil when the field lists no known items and the export adds no synonyms.
        case list(ValueVocabulary?)
    }

    static let expectedDate = "日期（如 2024-03-05、2024/3/5、2024年3月5日）"
    static let expectedNumber = "数字（如 5000、5,000.00、5000元、1.2万、人民币伍仟元整）"
    static let expectedBool = "是或否（如 是/否、有/无、Y/N、1/0）"
    /// Excel serial numbers are read only when they fall in the years a case file can date
    /// from: a stray count such as `2024` would otherwise become 1905-07-16.
    static let plausibleSerialYears = 1980...2100

    /// Words an export writes in a cell it has nothing for. In a case number or a body's
    /// name they are no value: a case numbered "无" was accepted and could be named so in the
    /// bulletin, and a second "无" of the same body was refused as its duplicate.
    private static let nothingRecorded: [[UInt8]] =
        ["无", "空", "（空）", "(空)", "暂无", "不详", "未知", "没有", "无编号", "未编号", "待定", "待补"].map { Array($0.utf8) }

    /// Compared in place: a short department name (水利局 is nine bytes) is no copy per row.
    private static func isNothingRecorded(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        cell.count <= 9 && nothingRecorded.contains { $0.elementsEqual(cell) }
    }

    /// - Parameters:
    ///   - extraSynonyms: synonym → canonical value, from the export's mapping file (enum and
    ///     list fields; 是 or 否 for a yes/no field).
    ///   - headerUnit: the bracketed unit cut from the header (`元`, `万元`, `千元`); bare
    ///     numbers in a number column are scaled by it.
    public init(field: FieldDefinition, extraSynonyms: [String: String] = [:], headerUnit: String? = nil) {
        self.field = field
        switch field.type {
        case .text: reading = .text(required: field.required)
        case .date: reading = .date
        case .bool:
            // The export's own spellings (mapping file: `已公示: …` listed under 是), folded as enum values are.
            reading = .bool(extra: Dictionary(extraSynonyms.map { (ValueVocabulary.fold($0.key), $0.value == "是") }, uniquingKeysWith: { a, _ in a }))
        case .number: reading = .number(headerExponent: HeaderUnit.exponent(headerUnit))
        case .enumeration:
            let vocabulary = ValueVocabulary(values: field.values, extraSynonyms: extraSynonyms)
            reading = .choice(vocabulary, expected: "以下之一：" + vocabulary.canonicalValues.joined(separator: "、"))
        case .list:
            let vocabulary = ValueVocabulary(values: field.values, extraSynonyms: extraSynonyms)
            reading = .list(vocabulary.isEmpty ? nil : vocabulary)
        }
    }

    /// The cell's UTF-8 bytes, surrounding spaces allowed.
    public func normalise(_ utf8: UnsafeBufferPointer<UInt8>) -> CellOutcome {
        let cell = CellTrimming.trim(utf8)
        if cell.isEmpty || CellTrimming.isPlaceholder(cell) { return .missing }
        switch reading {
        case .text(let required):
            if required && Self.isNothingRecorded(cell) { return .invalid(expected: "实际的\(field.name)（“无”“不详”“暂无”之类的字样表示没有填写）") }
            return .value(.text(String(decoding: cell, as: UTF8.self)))
        case .date:
            guard let date = DateParser.read(cell) else { return .invalid(expected: Self.expectedDate) }
            if date.isExcelSerial && !Self.plausibleSerialYears.contains(date.date.year) {
                return .invalid(expected: Self.expectedDate)
            }
            return .value(.date(date.date))
        case .bool(let extra):
            guard let flag = BoolParser.read(cell) ?? (extra.isEmpty ? nil : extra[ValueVocabulary.fold(String(decoding: cell, as: UTF8.self))])
            else { return .invalid(expected: Self.expectedBool) }
            return .value(.bool(flag))
        case .number(let headerExponent):
            guard let amount = AmountParser.read(cell, headerExponent: headerExponent) else {
                return .invalid(expected: Self.expectedNumber)
            }
            return .value(.number(amount))
        case .choice(let vocabulary, let expected):
            guard let canonical = vocabulary.canonical(forBytes: cell) else {
                return .invalid(expected: expected)
            }
            return .value(.text(canonical))
        case .list(let vocabulary):
            return Self.list(cell, vocabulary: vocabulary)
        }
    }

    public func normalise(_ text: String) -> CellOutcome {
        text.withCellBytes { normalise($0) }
    }

    /// Known items become canonical; unknown ones are kept as written, because a new kind of
    /// penalty is information, but they are named in a note so the catalogue can catch up.
    private static func list(_ cell: UnsafeBufferPointer<UInt8>, vocabulary: ValueVocabulary?) -> CellOutcome {
        var items: [String] = []
        var unknown: [String] = []
        ListSplitter.forEachItem(cell) { item in
            let canonical = vocabulary?.canonical(forBytes: item)
            let value = canonical ?? String(decoding: item, as: UTF8.self)
            // A cell lists a handful of items, so a linear search beats hashing into a set.
            guard !items.contains(value) else { return }
            items.append(value)
            if vocabulary != nil && canonical == nil { unknown.append(value) }
        }
        if items.isEmpty { return .missing }
        if unknown.isEmpty { return .value(.list(items)) }
        return .valueWithNote(.list(items), note: "未知项：\(unknown.joined(separator: "、"))（已保留）")
    }
}
