import Foundation
import GRDB
import XCTest
@testable import PingchaPublish
import PingchaAnalytics
import PingchaGenerate
import PingchaModel
import PingchaStore
import PingchaTestSupport

/// The report's streaming pass feeds the analytics fold (``BatchFold``) exactly the cases, with
/// their findings, category points and three-systems facts, that loading the batch into memory
/// gives: the figures of both ways agree to the last field.
final class ReportPassTests: XCTestCase {
    func testStreamingFiguresEqualTheInMemoryAnalytics() throws {
        let dir = NSTemporaryDirectory() + "pingcha-pass-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir + "/rubrics", withDestinationPath: CommandRunner.packageRoot + "/rubrics")
        _ = try SyntheticExport(options: GeneratorOptions(cases: 700, years: [2025], seed: 31, messy: true))
            .writeFile(atPath: dir + "/in/export.csv")
        let r = try CommandRunner.run(["run", "--quiet", "--db", "store.sqlite", "--input", "in", "--batch", "P"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        try Store(path: dir + "/store.sqlite").read { db in
            let batch = try StoredBatch.named("P", in: db)
            let stored = try StoredCases.load(batch, db: db)
            let applicable = AnalysisFactsBuilder.applicable(try batch.ruleTallies(db))
            // Two case ids as if reviewers had decided some of their rules.
            let decided = Set(stored.cases.prefix(2).map(\.caseId))
            let expected = BatchFigures(stored: stored, applicable: applicable, decidedCaseIds: decided)
            let casesCSV = try CSVDocument(path: dir + "/cases.csv", header: ["h"])
            let findingsCSV = try CSVDocument(path: dir + "/findings.csv", header: ["h"])
            let figures = try ReportPass(batch: batch, files: [], rubrics: stored.rubrics,
                                         applicable: applicable, decidedCaseIds: decided)
                .run(db, casesCSV: casesCSV)
            try FindingsFile.write(db, batch: batch, definitions: stored.definitions, to: findingsCSV)
            try casesCSV.close()
            try findingsCSV.close()
            XCTAssertEqual(figures.all, expected.all)
            XCTAssertEqual(figures.departments, expected.departments)
            XCTAssertEqual(figures.enforcementTypes, expected.enforcementTypes)
            XCTAssertEqual(figures.districts, expected.districts)
            XCTAssertEqual(figures.rubricGroups, expected.rubricGroups)
            XCTAssertEqual(figures.categories, expected.categories)
            XCTAssertEqual(figures.problems, expected.problems)
            XCTAssertEqual(figures.rules, expected.rules)
            XCTAssertEqual(figures.threeSystems, expected.threeSystems)
            XCTAssertEqual(figures.decidedCases, expected.decidedCases)
            XCTAssertEqual(figures.decidedCases.count, 2)
            XCTAssertGreaterThan(figures.problems.count, 0)
        }
    }
}

extension ReportPassTests {
    /// Score statistics from counts of each score equal those from every score sorted.
    func testScoreStatisticsFromCountsEqualTheSortedScores() {
        // A fixed seed (printed on failure), so that a failure can be run again.
        let seed: UInt64 = 0x5EED_2026_1203
        var state = seed
        func next() -> Int64 {  // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int64(bitPattern: (z ^ (z >> 31)) % 41)
        }
        for n in [0, 1, 2, 3, 10, 11, 500, 1001] {
            let scores = (0..<n).map { _ in DecimalNumber(units: next() * 2500 + 600_000) }
            var counts: [DecimalNumber: Int] = [:]
            for s in scores { counts[s, default: 0] += 1 }
            XCTAssertEqual(ScoreStatistics(counts: counts), ScoreStatistics(scores), "\(n) scores, seed \(seed)")
        }
        // Hand-worked: 60, 70, 70, 100 → median 70, mean 75.
        let four = ScoreStatistics(["60", "70", "70", "100"].map { DecimalNumber($0)! })
        XCTAssertEqual(four.count, 4)
        XCTAssertEqual(four.median, 70)
        XCTAssertEqual(four.mean, 75)
    }
}
