import PingchaModel

/// The columns of one export file and their header spellings (表头).
///
/// Normal mode: every field, headed by its canonical id, CRLF. Messy mode: Chinese headers
/// (the catalogue's name or one of its aliases, sometimes with a unit in brackets or a `*`
/// marking a required column), a few optional columns missing, sometimes a leading `序号`
/// and a trailing `备注` that map to no field, and LF line endings on some platforms.
struct ExportLayout {
    enum Column: Equatable {
        case field(CaseColumn)
        /// 序号: the row's number in the file.
        case serial
        /// 备注: free text, mostly empty.
        case remark
    }

    var columns: [Column]
    var headers: [String]
    var lineEnding: CSVText.LineEnding

    static let canonical = ExportLayout(
        columns: CaseColumn.allCases.map { .field($0) },
        headers: CaseColumn.allCases.map(\.rawValue),
        lineEnding: .crlf)

    /// A messy layout drawn from `rng`, without the `omitted` fields.
    ///
    /// The annual fields (``CaseColumn/isAnnual``) take their place in catalogue order, but
    /// their headers are drawn after every other choice, so that a seed gives the same layout
    /// otherwise as before they existed.
    static func messy(omitted: [Bool], catalogue: FieldCatalogue, _ rng: inout CaseRandom) -> ExportLayout {
        let serial = rng.chance(0.5)
        var headerOf: [CaseColumn: String] = [:]
        for field in CaseColumn.allCases where !field.isAnnual && !omitted[field.index] {
            headerOf[field] = header(for: field, catalogue: catalogue, &rng)
        }
        let remark = rng.chance(0.5)
        let lineEnding: CSVText.LineEnding = rng.chance(0.25) ? .lf : .crlf
        for field in CaseColumn.allCases where field.isAnnual && !omitted[field.index] {
            headerOf[field] = header(for: field, catalogue: catalogue, &rng)
        }
        var columns: [Column] = serial ? [.serial] : []
        var headers: [String] = serial ? ["序号"] : []
        for field in CaseColumn.allCases {
            guard let header = headerOf[field] else { continue }
            columns.append(.field(field))
            headers.append(header)
        }
        if remark {
            columns.append(.remark)
            headers.append("备注")
        }
        return ExportLayout(columns: columns, headers: headers, lineEnding: lineEnding)
    }

    /// The catalogue's Chinese name mostly, otherwise one of its Chinese aliases.
    static func header(for field: CaseColumn, catalogue: FieldCatalogue, _ rng: inout CaseRandom) -> String {
        guard let definition = catalogue[field.rawValue] else { return field.rawValue }
        let chinese = definition.aliases.filter { $0.unicodeScalars.contains { $0.value > 0x7F } }
        var text = chinese.isEmpty || rng.chance(0.6) ? definition.name : rng.pick(chinese)
        if let unit = field.unit, rng.chance(0.6) {
            text += rng.chance(0.8) ? "（\(unit)）" : "(\(unit))"
        }
        if field.isRequired && rng.chance(0.15) { text = "*" + text }
        return text
    }

    /// Which optional columns a department's platform lacks: none to four of the omittable ones.
    static func omittedColumns(_ rng: inout CaseRandom) -> [Bool] {
        var omitted = [Bool](repeating: false, count: CaseColumn.allCases.count)
        for _ in 0..<rng.int(0...4) { omitted[rng.pick(CaseColumn.omittable).index] = true }
        return omitted
    }

    func headerRow() -> [UInt8] {
        var out: [UInt8] = []
        CSVText.appendRow(headers, to: &out, lineEnding: lineEnding)
        return out
    }
}

extension CaseColumn {
    /// Position in ``allCases`` (catalogue order).
    var index: Int { CaseColumn.indexTable[self]! }

    private static let indexTable: [CaseColumn: Int] = {
        var table: [CaseColumn: Int] = [:]
        for (i, c) in allCases.enumerated() { table[c] = i }
        return table
    }()
}
