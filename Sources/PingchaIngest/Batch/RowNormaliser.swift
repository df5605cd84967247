import PingchaModel

/// What one record became after normalising, before the batch-wide duplicate check;
/// `Prepared` is what the caller's stage made of an accepted case on the worker (``Ingester``).
enum RowResult<Prepared: Sendable> {
    /// Nothing but empty cells (what Excel writes for formatted empty rows).
    case blank
    /// A totals or notes row (合计, 填报说明 …), with its label.
    case skipped(label: String)
    /// `key`: the case's department and id for the duplicate check, nil when it lacks either.
    case accepted(values: [FieldValue?], warnings: [ValueWarning], prepared: Prepared, key: CaseKey?)
    case rejected(Reject)
}

/// Everything a file's header fixes: which column feeds which field and how its cells are
/// read. Immutable once built, so worker threads share it.
final class RowNormaliser<Prepared: Sendable>: @unchecked Sendable {
    let path: String
    let mapping: HeaderMapping
    let headerLine: Int
    let headerCount: Int
    private let readers: [ColumnReader]
    /// The same readers, borrowed in the per-cell loop (retaining each per cell shows in
    /// profiles); ``readers`` keeps them alive.
    private let borrowed: [Unmanaged<ColumnReader>]

    /// One mapped column.
    final class ColumnReader: @unchecked Sendable {
        let position: Int
        let fieldIndex: Int
        let required: Bool
        let id: String
        let name: String
        let header: String
        let normaliser: ValueNormaliser

        init(position: Int, fieldIndex: Int, field: FieldDefinition, header: String, normaliser: ValueNormaliser) {
            self.position = position
            self.fieldIndex = fieldIndex
            self.required = field.required
            self.id = field.id
            self.name = field.name
            self.header = header
            self.normaliser = normaliser
        }
    }

    private let fileIndex: Int
    /// Catalogue indices of `department` and `case_id`, the duplicate check's key.
    private let keyFields: (department: Int, caseId: Int)
    private let prepare: @Sendable (CaseRecord) -> Prepared

    /// The worksheet, for a workbook's rows (it goes into every reject and warning).
    let sheet: String?
    /// Workbook rows end at their last filled cell: a shorter row is complete, and cells past
    /// the header that hold nothing are not extra fields.
    private let rowsEndAtLastCell: Bool
    /// The header's cells, to know the header when a row repeats it.
    private let headerTexts: [String]
    /// The header's cells with the empty ones at its end (``headerCount`` leaves them out).
    private let rawHeaderCount: Int

    init(header record: RecordView, group: GroupRow? = nil, path: String, mapper: HeaderMapper, mapping exportMapping: ExportMapping?,
         fileIndex: Int = 0, sheet: String? = nil, keyFields: (department: Int, caseId: Int),
         prepare: @escaping @Sendable (CaseRecord) -> Prepared) throws(PingchaError) {
        self.fileIndex = fileIndex
        self.keyFields = keyFields
        self.prepare = prepare
        self.sheet = sheet
        rowsEndAtLastCell = sheet != nil
        let catalogue = mapper.catalogue
        var headers = (0..<record.fieldCount).map { record.string($0) }
        if let group { headers = mapper.combine(group: group, headers: headers) }
        // Empty header cells at the end name no column (a trailing comma, cells a workbook styled).
        rawHeaderCount = headers.count
        while headers.last?.trimmingSpaces.isEmpty == true { headers.removeLast() }
        mapping = try mapper.map(headers: headers, file: path)
        self.path = path
        headerLine = record.startLine
        headerCount = headers.count
        headerTexts = headers.map(\.trimmingSpaces)
        readers = mapping.used.map { c in
            let field = catalogue[c.field!]
            let normaliser = ValueNormaliser(field: field, extraSynonyms: exportMapping?.synonyms[field.id] ?? [:],
                                             headerUnit: c.unit)
            return ColumnReader(position: c.number - 1, fieldIndex: c.field!, field: field, header: c.header,
                                normaliser: normaliser)
        }
        borrowed = readers.map { Unmanaged.passUnretained($0) }
    }

    /// Unmapped and duplicate columns, each reported once for the file.
    func headerWarnings(catalogue: FieldCatalogue) -> [ValueWarning] {
        var out: [ValueWarning] = []
        let spellings = catalogue.fields.flatMap { $0.headerSpellings.map { HeaderKey($0).key } }
        for c in mapping.unmapped where !c.header.trimmingSpaces.isEmpty {
            // A bounded prefix: a damaged 2 MB header cell must not cost an edit distance
            // against every alias (issue 11).
            let hint = Suggestion.nearest(to: HeaderKey(String(c.header.prefix(HeaderMapper.scoredPrefix))).key, among: spellings)
            out.append(ValueWarning(kind: .unmappedColumn, file: path, line: headerLine, column: c.number,
                                    header: c.header, detail: hint.map { "是否为“\($0)”？可用 --mapping 指定" } ?? "", sheet: sheet))
        }
        for c in mapping.duplicates {
            out.append(ValueWarning(kind: .duplicateColumn, file: path, line: headerLine, column: c.number,
                                    header: c.header, field: catalogue[c.field!].id, detail: "", sheet: sheet))
        }
        return out
    }

    func normalise(_ record: RecordView, fieldCount catalogueCount: Int) -> RowResult<Prepared> {
        if isBlank(record) { return .blank }
        if record.fieldCount != headerCount && !fitsHeader(record) {
            if let label = SummaryRow.label(record, header: headerTexts) { return .skipped(label: label) }
            return .rejected(Reject(file: path, line: record.startLine, endLine: record.endLine,
                                    reasons: [.fieldCount(expected: headerCount, actual: record.fieldCount)],
                                    raw: record.rawText(), sheet: sheet))
        }
        var values = [FieldValue?](repeating: nil, count: catalogueCount)
        for i in mapping.implied { values[i.field] = .text(i.value) }
        var reasons: [RejectReason] = []
        var warnings: [ValueWarning] = []
        for column in borrowed {
            let (outcome, fieldIndex) = column._withUnsafeGuaranteedRef {
                ($0.normaliser.normalise(record.fieldOrEmpty($0.position)), $0.fieldIndex)
            }
            if case .value(let v) = outcome {
                values[fieldIndex] = v
                continue
            }
            let r = column.takeUnretainedValue()
            switch outcome {
            case .missing:
                if r.required { reasons.append(.missingRequired(field: r.id, name: r.name)) }
            case .value:
                break
            case .valueWithNote(let v, let note):
                values[r.fieldIndex] = v
                warnings.append(ValueWarning(kind: .note, file: path, line: record.startLine, column: r.position + 1,
                                             header: r.header, field: r.id, raw: record.stringOrEmpty(r.position), detail: note,
                                             sheet: sheet))
            case .invalid(let expected):
                let raw = record.stringOrEmpty(r.position)
                if r.required {
                    reasons.append(.invalidRequired(field: r.id, name: r.name, raw: raw, expected: expected))
                } else {
                    warnings.append(ValueWarning(kind: .invalidValue, file: path, line: record.startLine,
                                                 column: r.position + 1, header: r.header, field: r.id,
                                                 raw: raw, detail: expected, sheet: sheet))
                }
            }
        }
        if !reasons.isEmpty {
            // A row that would be accepted is never a totals row, whatever its first cell says.
            if let label = SummaryRow.label(record, header: headerTexts) { return .skipped(label: label) }
            // Warnings of a rejected row would only repeat the reject.
            return .rejected(Reject(file: path, line: record.startLine, endLine: record.endLine,
                                    reasons: reasons, raw: record.rawText(), sheet: sheet))
        }
        let prepared = prepare(CaseRecord(values: values, fileIndex: fileIndex, line: record.startLine))
        var key: CaseKey?
        if let department = values[keyFields.department]?.text, let caseId = values[keyFields.caseId]?.text {
            key = CaseKey(department: department, caseId: caseId)
        }
        return .accepted(values: values, warnings: warnings, prepared: prepared, key: key)
    }

    /// A row as wide as the header with or without its unnamed end columns (a header ending in
    /// a comma, rows that do not; whatever such a column holds is not read), a row longer than
    /// that only by empty cells (a trailing comma on every line, as some systems export; cells
    /// a workbook styled), or a workbook row shorter than the header (it ends at its last
    /// filled cell). A shorter CSV row stays a reject, and so does a longer one with text past
    /// the header: that is what a line broken by an unquoted line break, or shifted by an
    /// unquoted comma, looks like.
    private func fitsHeader(_ record: RecordView) -> Bool {
        if record.fieldCount >= headerCount && record.fieldCount <= rawHeaderCount { return true }
        guard record.fieldCount > headerCount else { return rowsEndAtLastCell }
        for i in rawHeaderCount..<record.fieldCount where !CellTrimming.trim(record.field(i)).isEmpty { return false }
        return true
    }

    /// The header of 1-based column `number`, for warnings found outside a value (error cells).
    func header(ofColumn number: Int) -> (header: String, field: String?)? {
        guard number >= 1 && number <= mapping.columns.count else { return nil }
        let c = mapping.columns[number - 1]
        return (c.header, c.field.flatMap { f in readers.first { $0.fieldIndex == f }?.id })
    }

    private func isBlank(_ record: RecordView) -> Bool {
        for i in 0..<record.fieldCount {
            for b in record.field(i) where b != 0x20 && b != 0x09 && b != 0x0D && b != 0x0A { return false }
        }
        return true
    }
}
