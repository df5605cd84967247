import PingchaModel

/// Options of one ingestion run.
public struct IngestOptions: Sendable {
    public var encoding: EncodingChoice = .auto
    public var mapping: ExportMapping?
    /// Bytes one record may reach before it counts as a runaway quote (8 MB; lower in tests).
    public var recordLimit = 8 << 20

    public init(encoding: EncodingChoice = .auto, mapping: ExportMapping? = nil) {
        self.encoding = encoding
        self.mapping = mapping
    }
}

/// Where ingestion sends what it finds, in input order.
public struct IngestHandlers {
    public var onCase: (CaseRecord) -> Void
    public var onReject: (Reject) -> Void
    public var onWarning: (ValueWarning) -> Void
    /// Called after each file with its report (for progress and streaming summaries).
    public var onFileDone: (FileReport) -> Void

    public init(onCase: @escaping (CaseRecord) -> Void = { _ in },
                onReject: @escaping (Reject) -> Void = { _ in },
                onWarning: @escaping (ValueWarning) -> Void = { _ in },
                onFileDone: @escaping (FileReport) -> Void = { _ in }) {
        self.onCase = onCase
        self.onReject = onReject
        self.onWarning = onWarning
        self.onFileDone = onFileDone
    }
}

/// Stage 1 of the pipeline (导入): reads every export, maps its headers, normalises its
/// values and hands on accepted cases, rejected rows and warnings. Streams: memory does not
/// grow with file size (only the duplicate index grows, by about 40 bytes a case).
public final class Ingester {
    public let catalogue: FieldCatalogue
    public let options: IngestOptions
    private let mapper: HeaderMapper
    private var keys = CaseKeyIndex()
    private var files: [String] = []
    private let caseIdIndex: Int
    private let departmentIndex: Int

    public init(catalogue: FieldCatalogue, options: IngestOptions = IngestOptions()) {
        self.catalogue = catalogue
        self.options = options
        self.mapper = HeaderMapper(catalogue: catalogue, mapping: options.mapping)
        caseIdIndex = catalogue.index(of: "case_id") ?? 0
        departmentIndex = catalogue.index(of: "department") ?? 0
    }

    /// Ingests files in order. Errors that refuse one file are recorded in its report and
    /// the next file is read; the caller decides whether a refusal fails the run.
    public func ingest(files paths: [String], handlers: IngestHandlers) -> [FileReport] {
        var reports: [FileReport] = []
        for path in paths {
            let index = files.count
            files.append(path)
            var report = FileReport(path: path)
            do {
                try ingestFile(path, index: index, report: &report, handlers: handlers)
            } catch {
                report.refusal = error
            }
            handlers.onFileDone(report)
            reports.append(report)
        }
        return reports
    }

    private func ingestFile(_ path: String, index: Int, report: inout FileReport, handlers: IngestHandlers) throws(PingchaError) {
        let file = try ChunkedFile(path: path)
        let detection = try EncodingDetector.detect(file, choice: options.encoding)
        report.encoding = detection.encoding
        let reader = CSVRecordReader(file: file, detection: detection, recordLimit: options.recordLimit)

        var state = FileState()
        var failure: PingchaError?
        // One report object shared by the event handler and the warning sink.
        let tally = Tally(report)
        defer { report = tally.report }
        let warn: (ValueWarning) -> Void = { w in
            tally.report.warnings += 1
            tally.report.warningsByField[w.field ?? "", default: 0] += 1
            handlers.onWarning(w)
        }
        try reader.read { [self] event in
            if failure != nil { return }
            switch event {
            case .invalidBytes(let line, let column):
                warn(ValueWarning(kind: .invalidBytes, file: path, line: line, column: column,
                                  detail: detection.encoding == .gb18030 ? "GB18030" : "UTF-8"))
            case .unterminatedQuote(let start, let end, let raw), .oversized(let start, let end, let raw):
                guard state.columns != nil else {
                    failure = .emptyFile(path)
                    return
                }
                let reason: RejectReason
                if case .oversized = event { reason = .oversized } else { reason = .unterminatedQuote }
                tally.report.rows += 1
                tally.report.rejected += 1
                handlers.onReject(Reject(file: path, line: start, endLine: end, reasons: [reason], raw: raw))
            case .record(let record):
                if state.columns == nil {
                    do throws(PingchaError) {
                        try readHeader(record, path: path, state: &state, tally: tally, warn: warn)
                    } catch {
                        failure = error
                    }
                    return
                }
                processRow(record, path: path, fileIndex: index, state: state, tally: tally, handlers: handlers, warn: warn)
            }
        }
        if let failure { throw failure }
        if state.columns == nil { throw .emptyFile(path) }
    }

    /// The file's report while it is being read, shared by reference between the reader's
    /// callback and the warning sink.
    private final class Tally {
        var report: FileReport
        init(_ report: FileReport) { self.report = report }
    }

    /// Per-file state fixed by the header row.
    private struct FileState {
        var columns: [HeaderMapping.Column]?
        var headerCount = 0
        /// Strong references to the column readers; ``readers`` borrows them.
        var owned: [ColumnReader] = []
        var readers: [Unmanaged<ColumnReader>] = []
    }

    /// One mapped column, prepared once per file. A class, so that the per-cell loop borrows
    /// it instead of copying a field definition's strings and arrays for every cell.
    private final class ColumnReader {
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

    private func readHeader(_ record: RecordView, path: String, state: inout FileState, tally: Tally,
                            warn: (ValueWarning) -> Void) throws(PingchaError) {
        let headers = (0..<record.fieldCount).map { record.string($0) }
        let mapping = try mapper.map(headers: headers, file: path)
        tally.report.mapping = mapping
        state.columns = mapping.columns
        state.headerCount = headers.count
        for c in mapping.used {
            let field = catalogue[c.field!]
            let normaliser = ValueNormaliser(field: field, extraSynonyms: options.mapping?.synonyms[field.id] ?? [:],
                                             headerUnit: c.unit)
            let reader = ColumnReader(position: c.number - 1, fieldIndex: c.field!, field: field,
                                      header: c.header, normaliser: normaliser)
            state.owned.append(reader)
            state.readers.append(Unmanaged.passUnretained(reader))
        }
        for c in mapping.unmapped where !c.header.trimmingSpaces.isEmpty {
            let hint = Suggestion.nearest(to: HeaderKey(c.header).key,
                                          among: catalogue.fields.flatMap { $0.headerSpellings.map { HeaderKey($0).key } })
            warn(ValueWarning(kind: .unmappedColumn, file: path, line: record.startLine, column: c.number,
                              header: c.header, detail: hint.map { "是否为“\($0)”？可用 --mapping 指定" } ?? ""))
        }
        for c in mapping.duplicates {
            warn(ValueWarning(kind: .duplicateColumn, file: path, line: record.startLine, column: c.number,
                              header: c.header, field: catalogue[c.field!].id, detail: ""))
        }
    }

    private func processRow(_ record: RecordView, path: String, fileIndex: Int, state: FileState,
                            tally: Tally, handlers: IngestHandlers, warn: (ValueWarning) -> Void) {
        if isBlank(record) {
            tally.report.blankRows += 1
            return
        }
        tally.report.rows += 1
        func reject(_ reasons: [RejectReason]) {
            tally.report.rejected += 1
            handlers.onReject(Reject(file: path, line: record.startLine, endLine: record.endLine,
                                     reasons: reasons, raw: record.rawText()))
        }
        if record.fieldCount != state.headerCount {
            reject([.fieldCount(expected: state.headerCount, actual: record.fieldCount)])
            return
        }
        var values = [FieldValue?](repeating: nil, count: catalogue.count)
        var reasons: [RejectReason] = []
        var pending: [ValueWarning] = []
        for column in state.readers {
            // Borrow the column reader: retaining it per cell shows in profiles.
            let (outcome, fieldIndex) = column._withUnsafeGuaranteedRef {
                ($0.normaliser.normalise(record.field($0.position)), $0.fieldIndex)
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
                pending.append(ValueWarning(kind: .note, file: path, line: record.startLine, column: r.position + 1,
                                            header: r.header, field: r.id, raw: record.string(r.position), detail: note))
            case .invalid(let expected):
                let raw = record.string(r.position)
                if r.required {
                    reasons.append(.invalidRequired(field: r.id, name: r.name, raw: raw, expected: expected))
                } else {
                    pending.append(ValueWarning(kind: .invalidValue, file: path, line: record.startLine, column: r.position + 1,
                                                header: r.header, field: r.id, raw: raw, detail: expected))
                }
            }
        }
        if reasons.isEmpty, let dept = values[departmentIndex]?.text, let id = values[caseIdIndex]?.text,
           let first = keys.insert(department: dept, caseId: id, fileIndex: fileIndex, line: record.startLine) {
            reasons.append(.duplicate(department: dept, caseId: id, firstFile: files[first.file], firstLine: first.line))
        }
        if !reasons.isEmpty {
            reject(reasons)
            return
        }
        // Warnings of rejected rows would only repeat the reject; those of accepted rows count.
        for w in pending { warn(w) }
        tally.report.accepted += 1
        handlers.onCase(CaseRecord(values: values, fileIndex: fileIndex, line: record.startLine))
    }

    /// A row of nothing but empty cells (what Excel writes for formatted but empty rows).
    private func isBlank(_ record: RecordView) -> Bool {
        for i in 0..<record.fieldCount {
            for b in record.field(i) where b != 0x20 && b != 0x09 && b != 0x0D && b != 0x0A { return false }
        }
        return true
    }
}

extension String {
    var trimmingSpaces: Substring {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
