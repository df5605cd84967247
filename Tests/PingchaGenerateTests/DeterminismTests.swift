import Foundation
@testable import PingchaGenerate
import XCTest

final class DeterminismTests: XCTestCase {
    func testSameSeedGivesIdenticalBytes() throws {
        for messy in [false, true] {
            let options = GeneratorOptions(cases: 1_500, years: [2023, 2025], seed: 42, messy: messy)
            let (a, sa) = try GeneratorFixture.generate(options)
            let (b, sb) = try GeneratorFixture.generate(options)
            XCTAssertEqual(a, b, "messy: \(messy)")
            XCTAssertEqual(sa, sb)
            XCTAssertGreaterThan(a.count, 100_000)
        }
    }

    func testDifferentSeedGivesDifferentBytes() throws {
        let (a, _) = try GeneratorFixture.generate(GeneratorOptions(cases: 200, years: [2025], seed: 1))
        let (b, _) = try GeneratorFixture.generate(GeneratorOptions(cases: 200, years: [2025], seed: 2))
        XCTAssertNotEqual(a, b)
        let (c, _) = try GeneratorFixture.generate(GeneratorOptions(cases: 200, years: [2025], seed: 1, messy: true))
        let (d, _) = try GeneratorFixture.generate(GeneratorOptions(cases: 200, years: [2025], seed: 2, messy: true))
        XCTAssertNotEqual(c, d)
    }

    /// Same bytes in every process and on every machine: Swift seeds its hashing per process,
    /// so comparing with files written by an earlier process also catches any dependence on
    /// Dictionary or Set order. The goldens are the exports themselves (40 cases, clean and
    /// messy), to be read in a diff; a deliberate change to what the generator writes is taken
    /// with `PINGCHA_UPDATE_GOLDEN=1` (``testWriteGoldensWhenAsked()``), never by this test.
    func testFixedSeedExportsMatchTheGoldens() throws {
        for (name, bytes) in try Self.goldenExports() {
            let url = Self.goldens.appendingPathComponent(name)
            let expected = try Data(contentsOf: url)
            if Data(bytes) != expected {
                let actual = url.deletingPathExtension().appendingPathExtension("actual.csv")
                try Data(bytes).write(to: actual)
                XCTFail("\(name) differs from the golden: diff \(url.path) \(actual.path)")
            }
        }
    }

    func testWriteGoldensWhenAsked() throws {
        guard ProcessInfo.processInfo.environment["PINGCHA_UPDATE_GOLDEN"] == "1" else { throw XCTSkip("PINGCHA_UPDATE_GOLDEN not set") }
        for (name, bytes) in try Self.goldenExports() { try Data(bytes).write(to: Self.goldens.appendingPathComponent(name)) }
    }

    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func goldenExports() throws -> [(String, [UInt8])] {
        let (clean, _) = try GeneratorFixture.generate(GeneratorOptions(cases: 40, years: [2024], seed: 2024))
        let (messy, _) = try GeneratorFixture.generate(GeneratorOptions(cases: 40, years: [2024], seed: 2024, messy: true))
        return [("seed-2024-clean.csv", clean), ("seed-2024-messy.csv", messy)]
    }

    /// Reference outputs of the published algorithms.
    func testRandomNumberReferenceVectors() {
        var sm = SplitMix64(state: 0)
        XCTAssertEqual(sm.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(sm.next(), 0x6E78_9E6A_A1B9_65F4)
        var x = CaseRandom(state: (1, 2, 3, 4))
        XCTAssertEqual([x.next(), x.next(), x.next(), x.next()], [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240])
    }

    func testBoundedDrawsStayInRangeAndCoverIt() {
        var rng = CaseRandom(seed: 9, stream: .caseContent, index: 0)
        var seen = Set<Int>()
        for _ in 0..<2_000 {
            let v = rng.int(3...9)
            XCTAssertTrue((3...9).contains(v))
            seen.insert(v)
        }
        XCTAssertEqual(seen, Set(3...9))
    }

    func testYearOrderAndRepeatsDoNotMatter() throws {
        let (a, _) = try GeneratorFixture.generate(GeneratorOptions(cases: 100, years: [2023, 2025], seed: 5))
        let (b, _) = try GeneratorFixture.generate(GeneratorOptions(cases: 100, years: [2025, 2023, 2025], seed: 5))
        XCTAssertEqual(a, b)
    }

    /// Writing one file per department gives exactly the rows of the single export.
    func testSplitFilesHoldTheSameCasesAsOneFile() throws {
        let options = GeneratorOptions(cases: 1_200, years: [2025], seed: 11)
        let (single, summary) = try GeneratorFixture.generate(options)
        let dir = GeneratorFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let split = try SyntheticExport(options: options).writeSplit(directory: dir)
        XCTAssertEqual(split.cases, summary.cases)
        XCTAssertEqual(split.departments, summary.departments)

        var splitRows: [[String]] = []
        for file in split.files {
            let path = try XCTUnwrap(file.path)
            XCTAssertEqual(path, dir + "/" + SyntheticExport.fileName(forDepartment: file.department!))
            let records = TestCSVReader.records(try GeneratorFixture.read(path))
            XCTAssertEqual(records.first, ExportLayout.canonical.headers)
            XCTAssertEqual(records.count - 1, file.rows)
            XCTAssertTrue(records.dropFirst().allSatisfy { $0[1] == file.department })
            splitRows.append(contentsOf: records.dropFirst())
        }
        let singleRows = Array(TestCSVReader.records(single).dropFirst())
        XCTAssertEqual(splitRows.count, 1_200)
        XCTAssertEqual(splitRows.map { $0.joined(separator: "\u{1}") }.sorted(),
                       singleRows.map { $0.joined(separator: "\u{1}") }.sorted())
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".partial") }
        XCTAssertEqual(leftovers, [])
    }

    func testDepartmentFilter() throws {
        let options = GeneratorOptions(cases: 300, years: [2025], seed: 3, departments: ["水利局", "公安局"])
        let (bytes, summary) = try GeneratorFixture.generate(options)
        let rows = TestCSVReader.table(bytes).rows
        XCTAssertEqual(rows.count, 300)
        XCTAssertEqual(Set(rows.map { $0["department"]! }), ["水利局", "公安局"])
        XCTAssertEqual(summary.departments.map(\.name), ["水利局", "公安局"])
        XCTAssertEqual(summary.departments.map(\.cases).reduce(0, +), 300)
    }

    func testInvalidOptionsAreRefusedInChinese() {
        XCTAssertThrowsError(try SyntheticExport(options: GeneratorOptions(cases: -1, years: [2025], seed: 1)))
        XCTAssertThrowsError(try SyntheticExport(options: GeneratorOptions(cases: 1, years: [], seed: 1)))
        XCTAssertThrowsError(try SyntheticExport(options: GeneratorOptions(cases: 1, years: [1800], seed: 1)))
        do {
            _ = try SyntheticExport(options: GeneratorOptions(cases: 1, years: [2025], seed: 1, departments: ["市场监管局"]))
            XCTFail("unknown department accepted")
        } catch {
            XCTAssertEqual(error, .unknownDepartment("市场监管局", suggestion: "市场监督管理局",
                                                     known: SyntheticExport.departmentNames))
            XCTAssertEqual(error.message, "未知的部门“市场监管局”，是否为“市场监督管理局”？")
        }
    }

    func testZeroCasesWritesJustTheHeader() throws {
        let (bytes, summary) = try GeneratorFixture.generate(GeneratorOptions(cases: 0, years: [2025], seed: 1))
        XCTAssertEqual(TestCSVReader.records(bytes), [ExportLayout.canonical.headers])
        XCTAssertEqual(summary.rows, 0)
    }
}
