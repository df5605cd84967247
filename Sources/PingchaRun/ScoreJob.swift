import PingchaIngest
import PingchaModel
import PingchaRubric
import PingchaScoring

/// `pingcha score`: ingests and scores without storing, one result line per case in input
/// order (JSON lines or CSV).
///
/// A case is scored and its line written on the ingest worker that normalised it, in parallel;
/// only the cases a scoresheet decides are scored again, in order, on the calling thread (the
/// review book records which of its rows were used, so it is read in one place).
public struct ScoreJob {
    public enum Format: String, Sendable { case jsonl, csv }

    public var files: [String]
    public var catalogue: FieldCatalogue
    public var ingestOptions: IngestOptions
    public var scorer: Scorer
    public var format: Format

    public init(files: [String], catalogue: FieldCatalogue, ingestOptions: IngestOptions, scorer: Scorer, format: Format) {
        self.files = files
        self.catalogue = catalogue
        self.ingestOptions = ingestOptions
        self.scorer = scorer
        self.format = format
    }

    public struct Counts: Sendable, Equatable {
        public var cases = 0, scored = 0, uncovered = 0, rejects = 0
    }

    /// The first line of the output (CSV: its header with a BOM; JSON lines: none).
    public var preamble: [UInt8] {
        guard format == .csv else { return [] }
        var header: [UInt8] = [0xEF, 0xBB, 0xBF]
        CSVText.appendRow(ResultCSV.header, to: &header)
        return header
    }

    /// Scores every case, handing each result line (UTF-8, with its line end) to `write` in
    /// input order. The caller checks `book.errors` and the reports' refusals before it lets
    /// the output stand.
    public func run(book: ReviewBook, write: @escaping ([UInt8]) -> Void) -> (counts: Counts, reports: [FileReport]) {
        let (scorer, catalogue, format, files) = (self.scorer, self.catalogue, self.format, self.files)
        let caseIdIndex = catalogue.index(of: "case_id"), departmentIndex = catalogue.index(of: "department")
        let json = ResultJSON(scorer: scorer, catalogue: catalogue)
        // Bytes from end to end: a line built as bytes and turned into a String only to be
        // turned back into bytes for the output was validated twice for nothing.
        @Sendable func line(_ result: CaseResult, _ record: CaseRecord) -> [UInt8] {
            var bytes: [UInt8] = []
            switch format {
            case .jsonl:
                bytes.reserveCapacity(1024)
                json.append(result, case: record, to: &bytes)
                bytes.append(UInt8(ascii: "\n"))
            case .csv:
                CSVText.appendRow(ResultCSV.row(result, case: record, file: files[record.fileIndex], scorer: scorer,
                                                catalogue: catalogue).map(CSVText.neutralised), to: &bytes)
            }
            return bytes
        }
        // What a worker hands on is the line and the rubric only: small enough to travel
        // without a heap box of its own (a whole CaseResult was boxed, copied out and freed
        // for every case).
        let ingester = Ingester(catalogue: catalogue, options: ingestOptions) { record -> (rubric: Int?, line: [UInt8]) in
            let result = scorer.rubricIndex(for: record).map { scorer.score(record, rubric: $0) } ?? .uncovered
            return (result.rubric, line(result, record))
        }
        var counts = Counts()
        let handlers = IngestHandlers<(rubric: Int?, line: [UInt8])>(
            onPreparedCase: { record, prepared in
                counts.cases += 1
                var (rubric, text) = prepared
                if !book.isEmpty {
                    let caseId = caseIdIndex.flatMap { record.values[$0]?.text } ?? ""
                    let department = departmentIndex.flatMap { record.values[$0]?.text } ?? ""
                    let decisions = book.decisions(caseId: caseId, department: department, rubric: rubric)
                    if !decisions.isEmpty, let r = rubric {
                        let result = scorer.score(record, rubric: r, decisions: decisions)
                        rubric = result.rubric
                        text = line(result, record)
                    }
                }
                if rubric == nil { counts.uncovered += 1 } else { counts.scored += 1 }
                write(text)
            },
            onReject: { _ in counts.rejects += 1 }
        )
        let reports = ingester.ingest(files: files, handlers: handlers)
        return (counts, reports)
    }
}
