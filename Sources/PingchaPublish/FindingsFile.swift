import PingchaModel
import PingchaStore

/// findings.csv: every stored finding in case and rule order, with its case's id and
/// department, its rule's title, basis and disposition, and the values it read in words (a
/// finding whose case is not stored keeps its place with the case columns empty).
///
/// The largest file of a report — four million rows for a million cases — so it is written on
/// a read connection of its own beside the report's pass (``start(databasePath:batch:definitions:to:)``),
/// reading the findings and the cases' ids side by side, both in case order.
public enum FindingsFile {
    /// Writes every row into `csv` (left open).
    public static func write(_ db: StoreSession, batch: StoredBatch, definitions: [StoredRubric], to csv: CSVDocument) throws {
        typealias F = StoredBatch.FindingColumn
        let cases = try batch.caseKeyRows(db)
        let findings = try batch.findingRows(db)
        var haveCase = try cases.next()

        // The rule columns, per stored rubric id and rule id, encoded once per rule; the ids
        // repeat, so each is one number.
        var ruleText: [String: [String: (title: String, basis: String, disposition: String)]] = [:]
        for d in definitions where ruleText[d.id] == nil {
            ruleText[d.id] = Dictionary(d.rules.map { ($0.id, ($0.title, $0.basis ?? "", $0.disposition.rawValue)) }, uniquingKeysWith: { a, _ in a })
        }
        var ids = ByteKeys()
        var ruleCells: [Int: (title: [UInt8], basis: [UInt8], disposition: [UInt8])] = [:]
        func cells(rubric: UnsafeBufferPointer<UInt8>, rule: UnsafeBufferPointer<UInt8>) -> (title: [UInt8], basis: [UInt8], disposition: [UInt8]) {
            let r = ids.id(rubric), key = r << 32 | ids.id(rule)
            if let known = ruleCells[key] { return known }
            let text = ruleText[ids.names[r]]?[String(decoding: rule, as: UTF8.self)]
            let made = (CSVRows.encoded(text?.title ?? ""), CSVRows.encoded(text?.basis ?? ""), CSVRows.encoded(text?.disposition ?? ""))
            ruleCells[key] = made
            return made
        }
        var worded = WordedValues()
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var row = CSVRows()
        defer { csv.write(&row) }
        while try findings.next() {
            let caseNo = findings.int(F.caseNo)
            while haveCase && cases.int(0) < caseNo { haveCase = try cases.next() }
            let stored = haveCase && cases.int(0) == caseNo
            let rule = cells(rubric: findings.bytes(F.rubricId), rule: findings.bytes(F.ruleId))
            row.cell(findings.bytes(F.caseNo))
            row.cell(stored ? cases.bytes(1) : empty)
            row.cell(stored ? cases.bytes(2) : empty)
            row.cell(findings.bytes(F.rubricId))
            row.cell(findings.bytes(F.ruleId))
            row.encodedCell(rule.title)
            row.cell(findings.bytes(F.categoryId))
            row.cell(findings.bytes(F.problem))
            row.cell(findings.bytes(F.outcome))
            row.cell(findings.bytes(F.deduct))
            row.cell(worded.text(findings.bytes(F.fieldsRead)))
            row.encodedCell(rule.basis)
            // A disposition is a verdict's consequence: an unknown finding (not decided yet) has none.
            row.encodedCell(findings.bytes(F.outcome).elementsEqual("fail".utf8) ? rule.disposition : [])
            row.cell(findings.bytes(F.automated))
            row.cell(findings.bytes(F.review))
            // A screen's suspicion (`on_fail: review`): undecided until a reviewer looks.
            row.cell(findings.int(F.suspect) != 0 ? "是" : "")
            row.endRow()
            if row.isFull { csv.write(&row) }
        }
    }

    /// Starts writing on a thread and read connection of its own (``BatchReadThread``); the
    /// function returned waits for it and gives its error, if any.
    public static func start(databasePath: String, batch: StoredBatch, definitions: [StoredRubric], to csv: CSVDocument) -> () -> Error? {
        nonisolated(unsafe) let csv = csv
        let work = BatchReadThread(databasePath: databasePath, batch: batch) { db in
            try write(db, batch: batch, definitions: definitions, to: csv)
        }
        return work.wait
    }
}
