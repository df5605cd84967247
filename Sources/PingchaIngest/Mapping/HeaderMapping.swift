import PingchaModel

/// How the columns of one export map to catalogue fields (表头映射).
public struct HeaderMapping: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        /// 1-based column number.
        public var number: Int
        public var header: String
        /// Catalogue index, or nil when the column maps to nothing.
        public var field: Int?
        /// The bracketed unit cut from the header (`元`, `万元`).
        public var unit: String?
        /// Set when an earlier column already maps to the same field; this one is ignored.
        public var duplicateOf: Int?
    }

    /// A field without a column whose value a header implies (the catalogue's `implied_by`).
    public struct Implied: Sendable, Equatable {
        /// Catalogue index.
        public var field: Int
        public var value: String
        /// The column whose header implies it.
        public var column: Int
        public var header: String
    }

    public var columns: [Column]
    /// Fields every row takes from the header, not from a cell.
    public var implied: [Implied] = []

    public var unmapped: [Column] { columns.filter { $0.field == nil } }
    public var duplicates: [Column] { columns.filter { $0.duplicateOf != nil } }
    /// Columns whose values are read, in column order.
    public var used: [Column] { columns.filter { $0.field != nil && $0.duplicateOf == nil } }
}

/// Maps header texts to fields, by ``HeaderKey`` equality against each field's id, Chinese
/// name, aliases and the aliases of a `--mapping` file.
public struct HeaderMapper: Sendable {
    public let catalogue: FieldCatalogue
    private var byKey: [String: Int] = [:]
    private var spellings: [(key: String, field: Int)] = []

    public init(catalogue: FieldCatalogue, mapping: ExportMapping? = nil) {
        self.catalogue = catalogue
        for (i, f) in catalogue.fields.enumerated() {
            var all = f.headerSpellings
            all += mapping?.aliases[f.id] ?? []
            for s in all {
                let key = HeaderKey(s).key
                // A mapping file's alias wins over nothing but never steals another field's spelling.
                if byKey[key] == nil { byKey[key] = i; spellings.append((key, i)) }
            }
        }
    }

    public func field(for header: String) -> Int? { byKey[HeaderKey(header).key] }

    /// A header longer than this is no header (a title, a note, a damaged cell): rows are
    /// scored on this much of each cell, so a huge cell costs no more than a short one.
    static let scoredPrefix = 64

    /// How many distinct fields, and required fields, the cells would map as a header row.
    func score(_ headers: [String]) -> HeaderSearch.Score {
        var seen = Set<Int>()
        var required = 0
        for h in headers {
            guard !h.isEmpty, h.utf8.count <= Self.scoredPrefix * 4, let f = byKey[HeaderKey(h).key],
                  seen.insert(f).inserted else { continue }
            if catalogue[f].required { required += 1 }
        }
        return HeaderSearch.Score(required: required, mapped: seen.count)
    }

    /// Scores a row alone and under the row above as its group row; the better reading wins
    /// (alone on a tie, so that an ordinary header never changes).
    func score(_ record: RecordView, under above: GroupRow?) -> HeaderSearch.Candidate {
        let cells = HeaderSearch.cells(record)
        let alone = score(cells)
        guard let above, alone.required < catalogue.requiredIndices.count else { return .init(score: alone, underGroup: false) }
        let grouped = score(combine(group: above, headers: cells))
        return grouped > alone ? .init(score: grouped, underGroup: true) : .init(score: alone, underGroup: false)
    }

    /// The headers of a two-row header. Under a cell merged down over both rows the lower cell
    /// is empty: the upper text is the header. Under a group cell merged across (当事人 over
    /// 名称, 类型, 证件号码) a sub-header maps as the joined names (当事人名称) when they map, else
    /// as itself. Which columns a group spans comes from the sheet's merged ranges when it has
    /// them (``GroupRow/spans``); otherwise (a CSV) the group's text, which sits in the
    /// first column of the merge, carries to the right until a column without a sub-header.
    func combine(group row: GroupRow, headers: [String]) -> [String] {
        let group = row.cells
        var out = headers
        var carried = ""
        for i in 0..<max(group.count, headers.count) {
            let upper = i < group.count ? group[i].trimmingSpaces : ""
            let lower = i < headers.count ? headers[i].trimmingSpaces : ""
            if lower.isEmpty {
                carried = ""
                if i < out.count { out[i] = String(upper) } else { out.append(String(upper)) }
                continue
            }
            if !upper.isEmpty {
                carried = String(upper)
            } else if let merged = row.mergedText(over: i) {
                carried = merged.map { String($0.trimmingSpaces) } ?? ""
            }
            if !carried.isEmpty, field(for: carried + lower) != nil { out[i] = carried + String(lower) }
        }
        return out
    }

    /// Whether the sheet's merged ranges could change how `record` reads under `group`: a
    /// sub-header under an empty cell would join the group text carried from its left into a
    /// name that maps (复议 + 决定日期). A title row over the header never does, so the ranges,
    /// which cost a second pass over the sheet, are not read for it.
    func carryJoinsNames(group: GroupRow, below record: RecordView) -> Bool {
        guard group.spans == nil else { return false }
        let headers = HeaderSearch.cells(record)
        var carried = ""
        for (i, header) in headers.enumerated() {
            let upper = i < group.cells.count ? group.cells[i].trimmingSpaces : ""
            let lower = header.trimmingSpaces
            if lower.isEmpty {
                carried = ""
            } else if !upper.isEmpty {
                carried = String(upper)
            } else if !carried.isEmpty, field(for: carried + lower) != nil {
                return true
            }
        }
        return false
    }

    /// Maps a header row; refuses it when a required field has no column.
    public func map(headers: [String], file: String) throws(PingchaError) -> HeaderMapping {
        var columns: [HeaderMapping.Column] = []
        var firstColumn: [Int: Int] = [:]
        for (i, h) in headers.enumerated() {
            let key = HeaderKey(h)
            let field = key.key.isEmpty ? nil : byKey[key.key]
            var column = HeaderMapping.Column(number: i + 1, header: h, field: field, unit: key.unit)
            if let field {
                if let first = firstColumn[field] { column.duplicateOf = first } else { firstColumn[field] = i + 1 }
            }
            columns.append(column)
        }
        // A field without a column may be implied by another column's header (`implied_by`).
        var implied: [HeaderMapping.Implied] = []
        for (index, f) in catalogue.fields.enumerated() where firstColumn[index] == nil && !f.impliedBy.isEmpty {
            let found = f.impliedBy.lazy.compactMap { rule -> HeaderMapping.Implied? in
                let key = HeaderKey(rule.header).key
                return columns.first { HeaderKey($0.header).key == key }.map {
                    HeaderMapping.Implied(field: index, value: rule.value, column: $0.number, header: $0.header)
                }
            }.first
            if let found { implied.append(found) }
        }
        let impliedFields = Set(implied.map(\.field))
        let missing = catalogue.requiredIndices.filter { firstColumn[$0] == nil && !impliedFields.contains($0) }
        if !missing.isEmpty {
            let candidates = columns.filter { $0.field == nil && !$0.header.isEmpty }
            throw .missingRequiredColumns(file, missing: missing.map { idx in
                let f = catalogue[idx]
                return PingchaError.MissingColumn(field: f.id, chineseName: f.name,
                                                  nearest: nearest(to: idx, among: candidates))
            })
        }
        return HeaderMapping(columns: columns, implied: implied)
    }

    /// The unmapped headers closest to any spelling of the field, best first: those within
    /// two edits (at most three), else the two closest, so that the message always shows
    /// what the file does have.
    private func nearest(to field: Int, among columns: [HeaderMapping.Column]) -> [String] {
        let targets = spellings.filter { $0.field == field }.map(\.key)
        let scored = columns.map { c -> (header: String, distance: Int) in
            let key = HeaderKey(String(c.header.prefix(Self.scoredPrefix))).key
            let best = targets.map { t -> Int in
                // Containment (`案件编号新` against `案件编号`) is closer than its edit distance.
                if !key.isEmpty && (key.contains(t) || t.contains(key)) { return 1 }
                return Suggestion.editDistance(key, t)
            }.min() ?? Int.max
            return (c.header, best)
        }.sorted { $0.distance < $1.distance }
        let close = scored.filter { $0.distance <= 2 }.prefix(3)
        return (close.isEmpty ? scored.prefix(2) : close).map(\.header)
    }
}
