import PingchaModel

/// Options of one ingestion run.
public struct IngestOptions: Sendable {
    public var encoding: EncodingChoice = .auto
    public var mapping: ExportMapping?
    /// Bytes one record may reach before it counts as a runaway quote (8 MB; lower in tests).
    public var recordLimit = 8 << 20
    /// Work to do on each accepted case on the ingest worker threads, in parallel (scoring
    /// and building its store rows, for `run`); the result reaches the handler as
    /// `CaseRecord.prepared`. A case later found to be a duplicate is dropped with it.
    public var prepare: (@Sendable (CaseRecord) -> (any Sendable)?)?

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
        let (mapper, exportMapping, catalogue) = (self.mapper, options.mapping, self.catalogue)

        var tally = report
        defer { report = tally }
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
        defer { tally.sha256 = reader.sha256 }
        try FilePipeline.run(
            reader: reader, path: path, catalogueCount: catalogue.count,
            makeNormaliser: { [prepare = options.prepare] record throws(PingchaError) in
                try RowNormaliser(header: record, path: path, mapper: mapper, mapping: exportMapping, fileIndex: index, prepare: prepare)
            },
            onHeader: { normaliser in
                tally.mapping = normaliser.mapping
                for w in normaliser.headerWarnings(catalogue: catalogue) { warn(w) }
            },
            consume: { batch in
                var recordIndex = 0
                for entry in batch.entries {
                    switch entry {
                    case .invalidBytes(let line, let column):
                        warn(ValueWarning(kind: .invalidBytes, file: path, line: line, column: column,
                                          detail: detection.encoding == .gb18030 ? "GB18030" : "UTF-8"))
                    case .reject(let r):
                        reject(r)
                    case .record(_, _, _, let startLine, let endLine):
                        defer { recordIndex += 1 }
                        switch batch.results[recordIndex] {
                        case .blank:
                            tally.blankRows += 1
                        case .rejected(let r):
                            reject(r)
                        case .accepted(let values, let warnings, let prepared):
                            if let dept = values[departmentIndex]?.text, let id = values[caseIdIndex]?.text,
                               let first = keys.insert(department: dept, caseId: id, fileIndex: index, line: startLine) {
                                reject(Reject(file: path, line: startLine, endLine: endLine,
                                              reasons: [.duplicate(department: dept, caseId: id,
                                                                   firstFile: files[first.file], firstLine: first.line)],
                                              raw: batch.rawText(ofRecordAt: recordIndex)))
                                continue
                            }
                            for w in warnings { warn(w) }
                            tally.rows += 1
                            tally.accepted += 1
                            var record = CaseRecord(values: values, fileIndex: index, line: startLine)
                            record.prepared = prepared
                            handlers.onCase(record)
                        }
                    }
                }
            })
    }
}

