import PingchaModel

/// Options of one ingestion run.
public struct IngestOptions: Sendable {
    public var encoding: EncodingChoice = .auto
    public var mapping: ExportMapping?
    /// Bytes one record may reach before it counts as a runaway quote (8 MB; lower in tests).
    public var recordLimit = 8 << 20
    /// `--sheet NAME`: the one worksheet of each workbook to read (default: every sheet whose
    /// header maps the required fields).
    public var sheet: String?
    /// `--header-row N`: the row the header is on (default: found among the first 20 rows).
    public var headerRow: Int?

    public init(encoding: EncodingChoice = .auto, mapping: ExportMapping? = nil) {
        self.encoding = encoding
        self.mapping = mapping
    }
}

/// Where ingestion sends what it finds, in input order: each accepted case with what the
/// ingester's `prepare` made of it on a worker thread.
public struct IngestHandlers<Prepared> {
    public var onCase: (CaseRecord, Prepared) -> Void
    public var onReject: (Reject) -> Void
    public var onWarning: (ValueWarning) -> Void
    /// Called after each file with its report (for progress and streaming summaries).
    public var onFileDone: (FileReport) -> Void

    public init(onPreparedCase: @escaping (CaseRecord, Prepared) -> Void,
                onReject: @escaping (Reject) -> Void = { _ in },
                onWarning: @escaping (ValueWarning) -> Void = { _ in },
                onFileDone: @escaping (FileReport) -> Void = { _ in }) {
        self.onCase = onPreparedCase
        self.onReject = onReject
        self.onWarning = onWarning
        self.onFileDone = onFileDone
    }
}

extension IngestHandlers where Prepared == Void {
    /// Handlers of an ingestion that prepares nothing.
    public init(onCase: @escaping (CaseRecord) -> Void = { _ in },
                onReject: @escaping (Reject) -> Void = { _ in },
                onWarning: @escaping (ValueWarning) -> Void = { _ in },
                onFileDone: @escaping (FileReport) -> Void = { _ in }) {
        self.init(onPreparedCase: { record, _ in onCase(record) }, onReject: onReject,
                  onWarning: onWarning, onFileDone: onFileDone)
    }
}

/// Stage 1 of the pipeline (导入): reads every export, maps its headers, normalises its
/// values and hands on accepted cases, rejected rows and warnings. Streams: memory does not
/// grow with file size (only the duplicate index grows, by about 40 bytes a case).
///
/// `Prepared` is what a later stage makes of each accepted case while it is still on an ingest
/// worker thread, in parallel (for `run`: its score and store rows); a case later found to be
/// a duplicate is dropped with it. Ingestions that need nothing of the kind use `Void`.
public final class Ingester<Prepared: Sendable> {
    public let catalogue: FieldCatalogue
    public let options: IngestOptions
    private let prepare: @Sendable (CaseRecord) -> Prepared
    private let mapper: HeaderMapper
    private var keys = CaseKeyIndex()
    private var files: [String] = []
    /// Where rows come from, as a duplicate's message names it: a file, or a file's sheet.
    private var origins: [String] = []
    private let caseIdIndex: Int
    private let departmentIndex: Int

    public init(catalogue: FieldCatalogue, options: IngestOptions = IngestOptions(),
                prepare: @escaping @Sendable (CaseRecord) -> Prepared) {
        self.catalogue = catalogue
        self.options = options
        self.prepare = prepare
        self.mapper = HeaderMapper(catalogue: catalogue, mapping: options.mapping)
        caseIdIndex = catalogue.index(of: "case_id") ?? 0
        departmentIndex = catalogue.index(of: "department") ?? 0
    }

    /// Ingests files in order. Errors that refuse one file are recorded in its report and
    /// the next file is read; the caller decides whether a refusal fails the run.
    public func ingest(files paths: [String], handlers: IngestHandlers<Prepared>) -> [FileReport] {
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

    private func ingestFile(_ path: String, index: Int, report: inout FileReport, handlers: IngestHandlers<Prepared>) throws(PingchaError) {
        let file = try ChunkedFile(path: path)
        switch try InputFormat.detect(file) {
        case .text:
            let detection = try EncodingDetector.detect(file, choice: options.encoding)
            report.encoding = detection.encoding
            let reader = CSVRecordReader(file: file, detection: detection, recordLimit: options.recordLimit)
            defer { report.sha256 = reader.sha256 }
            origins.append(path)
            _ = try ingestRecords(from: reader, path: path, sheet: nil, index: index, origin: origins.count - 1,
                                  encodingLabel: detection.encoding.iconvName,
                                  report: &report, handlers: handlers)
        case .xlsx:
            report.encoding = .xlsx
            let workbook = try WorkbookPackage(path: path)
            try ingestSheets(workbook.sheets.map(\.name), hidden: Set(workbook.sheets.filter(\.hidden).map(\.name)), path: path, index: index,
                             report: &report, handlers: handlers) { name in
                SheetRecordReader(package: workbook, sheet: workbook.sheets.first { $0.name == name }!)
            }
            report.sha256 = SHA256Digest.hex(of: file)
        case .xls:
            report.encoding = .xls
            let workbook = try XLSWorkbook(path: path)
            try ingestSheets(workbook.sheetNames, path: path, index: index, report: &report, handlers: handlers) { name in
                XLSSheetReader(workbook: workbook, index: workbook.sheetNames.firstIndex(of: name)!)
            }
            report.sha256 = SHA256Digest.hex(of: file)
        }
    }

    /// Reads the case sheets of a workbook: the one `--sheet` names, else every sheet whose
    /// header maps the required fields; the others are listed in the report with the reason.
    /// A workbook with no case sheet is refused, naming each sheet and why.
    private func ingestSheets(_ names: [String], hidden: Set<String> = [], path: String, index: Int, report: inout FileReport,
                              handlers: IngestHandlers<Prepared>, reader: (String) -> RecordSource) throws(PingchaError) {
        var chosen = names
        if let wanted = options.sheet {
            guard let name = names.first(where: { $0 == wanted }) ?? names.first(where: { $0.trimmingSpaces == wanted.trimmingSpaces })
            else { throw .sheetNotFound(path, sheet: wanted, available: names) }
            chosen = [name]
        }
        var skipped: [PingchaError.SkippedSheet] = []
        for name in chosen {
            var sheetReport = SheetReport(name: name)
            let before = (report.rows, report.accepted, report.rejected, report.skippedRows)
            origins.append("\(path) 工作表“\(name)”")
            do {
                let header = try ingestRecords(from: reader(name), path: path, sheet: name, index: index,
                                               origin: origins.count - 1, encodingLabel: "", report: &report, handlers: handlers)
                sheetReport.mapping = header.mapping
                sheetReport.headerRow = header.line
            } catch {
                switch error {
                case .missingRequiredColumns, .emptyFile:
                    // The sheet is not a case list (an instructions sheet, a summary, an empty tab).
                    sheetReport.skipReason = skipReason(error)
                    skipped.append(.init(name: name, reason: sheetReport.skipReason!))
                default:
                    throw error
                }
            }
            sheetReport.rows = report.rows - before.0
            sheetReport.accepted = report.accepted - before.1
            sheetReport.rejected = report.rejected - before.2
            sheetReport.skippedRows = report.skippedRows - before.3
            sheetReport.hidden = hidden.contains(name)
            // A hidden sheet often holds what the department put aside (old data, lists): its
            // cases count like any others, and the user is told.
            if sheetReport.hidden && sheetReport.accepted > 0 {
                report.warnings += 1
                handlers.onWarning(ValueWarning(kind: .hiddenSheet, file: path, line: nil, column: nil, header: nil, field: nil,
                                                raw: String(sheetReport.accepted), detail: "", sheet: name))
            }
            report.sheets.append(sheetReport)
        }
        guard report.sheets.contains(where: \.wasRead) else { throw .noCaseSheet(path, skipped: skipped) }
        report.mapping = report.sheets.first(where: \.wasRead)?.mapping
    }

    /// Streams one source of rows (a CSV file, a worksheet) through the pipeline into the
    /// handlers, counting into `report`. Returns the header's mapping and row.
    private func ingestRecords(from reader: RecordSource, path: String, sheet: String?, index: Int, origin: Int,
                               encodingLabel: String, report: inout FileReport,
                               handlers: IngestHandlers<Prepared>) throws(PingchaError) -> (mapping: HeaderMapping, line: Int) {
        let (mapper, exportMapping, catalogue) = (self.mapper, options.mapping, self.catalogue)
        let keyFields = (department: departmentIndex, caseId: caseIdIndex)
        var tally = report
        defer { report = tally }
        var header: (mapping: HeaderMapping, line: Int)?
        var normaliser: RowNormaliser<Prepared>?
        func warn(_ w: ValueWarning) {
            tally.warnings += 1
            tally.warningsByField[w.field ?? "", default: 0] += 1
            handlers.onWarning(w)
        }
        func reject(_ r: Reject) {
            tally.rows += 1
            tally.rejected += 1
            handlers.onReject(r)
        }
        let search = HeaderSearch(fixedRow: options.headerRow, requiredCount: catalogue.requiredIndices.count,
                                  score: { [mapper] record, above in mapper.score(record, under: above) },
                                  needsMerges: { [mapper] group, record in mapper.carryJoinsNames(group: group, below: record) })
        try FilePipeline.run(
            reader: reader, path: path, sheet: sheet, catalogueCount: catalogue.count, header: search,
            makeNormaliser: { [prepare] record, group throws(PingchaError) in
                try RowNormaliser(header: record, group: group, path: path, mapper: mapper, mapping: exportMapping,
                                  fileIndex: index, sheet: sheet, keyFields: keyFields, prepare: prepare)
            },
            onHeader: { n in
                normaliser = n
                header = (n.mapping, n.headerLine)
                if sheet == nil { tally.mapping = n.mapping; tally.headerLine = n.headerLine }
                for w in n.headerWarnings(catalogue: catalogue) { warn(w) }
            },
            consume: { batch in
                var recordIndex = 0
                for entry in batch.entries {
                    switch entry {
                    case .invalidBytes(let line, let column):
                        warn(ValueWarning(kind: .invalidBytes, file: path, line: line, column: column, detail: encodingLabel))
                    case .cellError(let line, let column, let text):
                        // Reported where it matters: in a column that feeds a field, below the header.
                        guard let n = normaliser, line > n.headerLine, let h = n.header(ofColumn: column), let field = h.field
                        else { continue }
                        warn(ValueWarning(kind: .cellError, file: path, line: line, column: column, header: h.header,
                                          field: field, raw: text, detail: "", sheet: sheet))
                    case .textAfterQuote(let line, let column, let value):
                        guard let n = normaliser, line > n.headerLine, let h = n.header(ofColumn: column) else { continue }
                        warn(ValueWarning(kind: .textAfterQuote, file: path, line: line, column: column, header: h.header,
                                          field: h.field, raw: value, detail: ""))
                    case .reject(let r):
                        reject(r)
                    case .record(_, _, _, let startLine, let endLine):
                        defer { recordIndex += 1 }
                        switch batch.results[recordIndex] {
                        case .blank:
                            tally.blankRows += 1
                        case .skipped(let label):
                            // A totals or notes row: counted and listed, never taken for a case.
                            tally.rows += 1
                            tally.skippedRows += 1
                            warn(ValueWarning(kind: .skippedRow, file: path, line: startLine, raw: label,
                                              detail: "", sheet: sheet))
                        case .rejected(let r):
                            reject(r)
                        case .accepted(let values, let warnings, let prepared, let key):
                            if let key, let first = keys.insert(key, fileIndex: origin, line: startLine),
                               let dept = values[departmentIndex]?.text, let id = values[caseIdIndex]?.text {
                                reject(Reject(file: path, line: startLine, endLine: endLine,
                                              reasons: [.duplicate(department: dept, caseId: id,
                                                                   firstFile: origins[first.file], firstLine: first.line)],
                                              raw: batch.rawText(ofRecordAt: recordIndex), sheet: sheet))
                                continue
                            }
                            for w in warnings { warn(w) }
                            tally.rows += 1
                            tally.accepted += 1
                            handlers.onCase(CaseRecord(values: values, fileIndex: index, line: startLine), prepared)
                        }
                    }
                }
            })
        guard let header else { throw .emptyFile(path) }
        return header
    }

    /// Why a sheet is not a case list, in a few words: the required columns it lacks, with the
    /// nearest headers only when it has some of them (then it is probably a case list with odd
    /// headers; an instructions sheet's "nearest header" would be its title).
    func skipReason(_ error: PingchaError) -> String {
        guard case .missingRequiredColumns(_, let missing) = error else { return "空工作表，没有表头行" }
        let partial = missing.count < catalogue.requiredIndices.count
        return "表头缺少必需的列：" + missing.map { m in
            let near = partial && !m.nearest.isEmpty ? "（最接近的表头：\(m.nearest.map { "“\(Suggestion.shown($0))”" }.joined(separator: "、"))）" : ""
            return "\(m.field)（\(m.chineseName)）\(near)"
        }.joined(separator: "、")
    }
}

extension Ingester where Prepared == Void {
    /// An ingestion that hands on the cases as they are.
    public convenience init(catalogue: FieldCatalogue, options: IngestOptions = IngestOptions()) {
        self.init(catalogue: catalogue, options: options, prepare: { _ in () })
    }
}
