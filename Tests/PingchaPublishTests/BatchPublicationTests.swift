import Foundation
import GRDB
import XCTest
@testable import PingchaPublish
import PingchaAnalytics
import PingchaGenerate
import PingchaIngest
import PingchaModel
import PingchaReports
import PingchaStore
import PingchaTestSupport
import PingchaCatalogue

/// PingchaPublish's own API: what the bulletin states of a stored batch agrees with the store
/// and the pass's figures, the batch's CSV files hold its rows, and the pieces of the bulletin
/// worked by hand (examples taken in turns, the interval of a mean score, cases by type).
final class BatchPublicationTests: XCTestCase {
    /// One generated batch, stored by `pingcha run`, for the tests that read a store.
    static let dir: String = {
        let dir = NSTemporaryDirectory() + "pingcha-publish-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try! FileManager.default.createSymbolicLink(atPath: dir + "/rubrics", withDestinationPath: CommandRunner.packageRoot + "/rubrics")
        _ = try! SyntheticExport(options: GeneratorOptions(cases: 400, years: [2025], seed: 17, messy: true))
            .writeFile(atPath: dir + "/in/export.csv")
        // A row with two fields: rejected (field count), and kept in rejects.csv.
        let file = FileHandle(forWritingAtPath: dir + "/in/export.csv")!
        file.seekToEndOfFile()
        file.write(Data("bad,row\r\n".utf8))
        file.closeFile()
        let r = try! CommandRunner.run(["run", "--quiet", "--db", "store.sqlite", "--input", "in", "--batch", "P", "--year", "2025",
                                        "--out", "out"], in: dir)
        precondition(r.status == 0, r.stderr)
        return dir
    }()

    override class func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    /// The pass, then the bulletin's facts, as `report` calls them.
    func publish(_ db: StoreSession, into folder: String) throws -> (StoredBatch, BatchFigures, BatchPublication) {
        let batch = try StoredBatch.named("P", in: db)
        let inputs = try batch.inputs(db), rubrics = try batch.rubrics(db)
        let definitions = rubrics.map(\.structure)
        let tallies = try batch.ruleTallies(db)
        let casesCSV = try BatchCSV.cases(path: folder + "/cases.csv"), findingsCSV = try BatchCSV.findings(path: folder + "/findings.csv")
        let figures = try ReportPass(batch: batch, files: inputs.map(\.path), rubrics: StoredCases.rubricInfos(definitions),
                                     tallies: tallies, decidedCaseIds: [])
            .run(db, casesCSV: casesCSV)
        try FindingsFile.write(db, batch: batch, definitions: definitions, to: findingsCSV)
        try casesCSV.close()
        try findingsCSV.close()
        let publication = try BatchPublication(db, batch: batch, inputs: inputs, rubrics: rubrics, figures: figures, tallies: tallies,
                                               minimumCasesForRank: 10)
        return (batch, figures, publication)
    }

    func testTheBulletinsFactsAgreeWithTheStoreAndTheFigures() throws {
        let folder = Self.dir + "/facts-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Store(path: Self.dir + "/store.sqlite").read { db in
            let (batch, figures, publication) = try publish(db, into: folder)
            let facts = try publication.bulletinFacts(db, typicalCases: [])
            XCTAssertEqual(facts.batchName, "P")
            XCTAssertEqual([facts.casesTotal, facts.casesScored, facts.rowsRejected], [batch.casesTotal, batch.casesScored, batch.rowsRejected])
            XCTAssertGreaterThan(facts.rowsRejected, 0, "the row of two fields")
            // Every scored case has one grade; every case one department, one type.
            XCTAssertEqual(facts.grades.map(\.count).reduce(0, +), batch.casesScored)
            XCTAssertEqual(facts.departments.map(\.cases).reduce(0, +), batch.casesTotal)
            XCTAssertEqual(facts.byType.map(\.count).reduce(0, +), batch.casesTotal)
            XCTAssertEqual(facts.departments.map(\.name), publication.departments.map { $0.summary.key ?? "" })
            // The problems are the fold's, in its order, with its counts.
            XCTAssertEqual(facts.problems.map(\.problem), figures.problems.map(\.problem))
            XCTAssertEqual(facts.problems.map(\.findings), figures.problems.map(\.failedFindings))
            XCTAssertGreaterThan(facts.problems.count, 0)
            // summary.json says the same.
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(publication.summaryJSON.utf8)) as? [String: Any])
            let cases = try XCTUnwrap(json["cases"] as? [String: Int])
            XCTAssertEqual(cases["total"], facts.casesTotal)
            XCTAssertEqual((json["departments"] as? [Any])?.count, facts.departments.count)
        }
    }

    /// cases.csv and findings.csv: a header and a row per stored case and finding; rejects.csv
    /// a row per rejected row (UTF-8 with a byte-order mark, CRLF).
    func testTheBatchsCSVFilesHoldItsRows() throws {
        let folder = Self.dir + "/csv-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Store(path: Self.dir + "/store.sqlite").read { db in
            let (batch, _, _) = try publish(db, into: folder)
            try BatchCSV.writeRejects(try batch.rejects(db), files: try batch.inputs(db).map(\.path), path: folder + "/rejects.csv")
            func records(_ name: String) throws -> [[String]] { try PlainCSV.read(path: folder + "/" + name).map(\.cells) }
            XCTAssertEqual(try records("cases.csv").count, batch.casesTotal + 1)
            XCTAssertEqual(try records("findings.csv").count, try batch.findingCount(db) + 1)
            let rejects = try records("rejects.csv")
            XCTAssertEqual(rejects.first, ["file", "line", "end_line", "kinds", "reason", "raw", "sheet"])
            XCTAssertEqual(rejects.count, batch.rowsRejected + 1)
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/rejects.csv")))
            XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
            XCTAssertEqual(Array(bytes.suffix(2)), [0x0D, 0x0A])
        }
        // The report's own files are the same bytes.
        for name in ["cases.csv", "findings.csv", "rejects.csv"] {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)),
                           try Data(contentsOf: URL(fileURLWithPath: Self.dir + "/out/" + name)), name)
        }
    }

    /// Three examples over departments A (weakest), B, C: A's first, B's first, C's first; then
    /// A's second only when more are wanted. A case failing two merged rules is named once.
    func testExamplesAreTakenInTurnsFromTheWeakestDepartment() {
        func refs(_ department: String, _ cases: [(Int, String)]) -> [CaseReference] {
            cases.map { CaseReference(caseNo: $0.0, caseId: $0.1, department: department) }
        }
        let rule1 = ["A": refs("A", [(3, "a3"), (1, "a1")]), "C": refs("C", [(9, "c9")])]
        let rule2 = ["A": refs("A", [(1, "a1")]), "B": refs("B", [(5, "b5"), (6, "b6")])]
        let three = BulletinFactsBuilder.examples([rule1, rule2], departments: ["A", "B", "C"], count: 3)
        XCTAssertEqual(three.map { "\($0.department) \($0.caseId)" }, ["A a1", "B b5", "C c9"])
        let five = BulletinFactsBuilder.examples([rule1, rule2], departments: ["A", "B", "C"], count: 5)
        XCTAssertEqual(five.map { "\($0.department) \($0.caseId)" }, ["A a1", "B b5", "C c9", "A a3", "B b6"])
        // More wanted than there are: every case once.
        XCTAssertEqual(BulletinFactsBuilder.examples([rule1, rule2], departments: ["A", "B", "C"], count: 9).count, 5)
        // A department the order does not name comes after those it names.
        XCTAssertEqual(BulletinFactsBuilder.examples([rule1], departments: ["C"], count: 2).map(\.caseId), ["c9", "a1"])
    }

    /// Cases by type in the catalogue's order of types, then other types by name, then 未注明.
    func testCasesByTypeInTheCataloguesOrder() {
        func group(_ key: String?, _ cases: Int) -> GroupSummary {
            GroupSummary(key: key, cases: cases, uncovered: 0, needsReview: 0, score: ScoreStatistics([]), grades: [:],
                         pass: Proportion(successes: 0, trials: 0), excellent: Proportion(successes: 0, trials: 0), vetoCases: 0,
                         dispositions: [:])
        }
        let lines = BulletinFactsBuilder.byType([group(nil, 2), group("其他类", 1), group("行政处罚", 5), group("行政许可", 3)],
                                                catalogue: .builtIn())
        XCTAssertEqual(lines.map { "\($0.name) \($0.count)" }, ["行政许可 3", "行政处罚 5", "其他类 1", "未注明 2"])
    }
}
