import Foundation
import PingchaGenerate
import XCTest

/// Messy mode: the broken rows and invalid values the summary reports are exactly the ones in
/// the file, found here by reading the file independently.
final class MessyExportTests: XCTestCase {
    /// What an independent reading of one messy export finds.
    struct Findings: Equatable {
        var good = 0
        var badRows: [BadRowKind: Int] = [:]
        var invalidDates = 0
        var perDepartmentGood: [String: Int] = [:]
    }

    static func examine(_ bytes: [UInt8], seen: inout Set<String>) -> Findings {
        let records = TestCSVReader.records(bytes)
        let header = records[0]
        let fields = header.map { GeneratorFixture.field(forHeader: $0) }
        let caseId = fields.firstIndex(of: "case_id")!
        let department = fields.firstIndex(of: "department")!
        let type = fields.firstIndex(of: "enforcement_type")!
        let dateColumns = fields.indices.filter { i in
            fields[i].map { GeneratorFixture.catalogue[$0]?.type == .date } ?? false
        }
        let validTypes = GeneratorFixture.accepted("enforcement_type")
        var f = Findings()
        for row in records.dropFirst() {
            if row.count == header.count + 1 { f.badRows[.extraField, default: 0] += 1; continue }
            if row.count == header.count - 1 { f.badRows[.missingField, default: 0] += 1; continue }
            XCTAssertEqual(row.count, header.count)
            if row[caseId].isEmpty { f.badRows[.missingCaseId, default: 0] += 1; continue }
            if !validTypes.contains(row[type]) { f.badRows[.invalidEnforcementType, default: 0] += 1; continue }
            let key = row[department] + "\u{1}" + row[caseId]
            if !seen.insert(key).inserted { f.badRows[.duplicateCase, default: 0] += 1; continue }
            f.good += 1
            f.perDepartmentGood[row[department], default: 0] += 1
            for i in dateColumns where row[i].contains("-13-") || row[i].contains("-02-30") || row[i].contains("年13月") {
                f.invalidDates += 1
            }
        }
        return f
    }

    func testBadRowsAndInvalidValuesAreExactlyAsReported() throws {
        let (bytes, summary) = try GeneratorFixture.generate(
            GeneratorOptions(cases: 5_000, years: [2024, 2025], seed: 77, messy: true))
        var seen = Set<String>()
        let f = Self.examine(bytes, seen: &seen)
        XCTAssertEqual(f.good, 5_000)
        XCTAssertEqual(summary.cases, 5_000)
        XCTAssertEqual(f.badRows, summary.badRows)
        XCTAssertEqual(f.invalidDates, summary.invalidValues)
        XCTAssertEqual(summary.rows, TestCSVReader.records(bytes).count - 1)
        // About 3 broken rows and 2 invalid values per thousand; every kind present at this size.
        XCTAssertTrue((5...30).contains(summary.totalBadRows), "\(summary.totalBadRows)")
        XCTAssertTrue((2...25).contains(summary.invalidValues), "\(summary.invalidValues)")
        XCTAssertEqual(Set(summary.badRows.keys), Set(BadRowKind.allCases))
        XCTAssertEqual(summary.departments.map(\.badRows).reduce(0, +), summary.totalBadRows)
        XCTAssertEqual(summary.departments.map(\.invalidValues).reduce(0, +), summary.invalidValues)
        for d in summary.departments { XCTAssertEqual(f.perDepartmentGood[d.name] ?? 0, d.cases, d.name) }
    }

    func testSplitFilesCountPerDepartment() throws {
        let dir = GeneratorFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let summary = try SyntheticExport(options: GeneratorOptions(cases: 4_000, years: [2025], seed: 5, messy: true))
            .writeSplit(directory: dir, encoding: .gb18030)
        var seen = Set<String>()
        var total = Findings()
        for file in summary.files {
            let encoded = try GeneratorFixture.read(file.path!)
            let bytes = try XCTUnwrap(TranscodingCheck.decodeGB18030(encoded))
            let f = Self.examine(bytes, seen: &seen)
            let department = try XCTUnwrap(summary.departments.first { $0.name == file.department })
            XCTAssertEqual(f.good, department.cases, file.department!)
            XCTAssertEqual(f.badRows.values.reduce(0, +), department.badRows, file.department!)
            XCTAssertEqual(f.invalidDates, department.invalidValues, file.department!)
            XCTAssertEqual(file.rows, department.cases + department.badRows)
            XCTAssertEqual(file.bytes, encoded.count)
            total.good += f.good
            total.invalidDates += f.invalidDates
            for (k, v) in f.badRows { total.badRows[k, default: 0] += v }
        }
        XCTAssertEqual(total.good, 4_000)
        XCTAssertEqual(total.badRows, summary.badRows)
        XCTAssertEqual(total.invalidDates, summary.invalidValues)
    }

    /// Every messy header maps to one catalogue field (or is a known extra column), each field
    /// at most once, and the required fields are always there.
    func testMessyHeadersMapToTheCatalogue() throws {
        let dir = GeneratorFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for seed: UInt64 in [1, 2, 3] {
            let summary = try SyntheticExport(options: GeneratorOptions(cases: 600, years: [2025], seed: seed, messy: true))
                .writeSplit(directory: dir)
            var layouts = Set<[String]>()
            for file in summary.files {
                let header = TestCSVReader.records(try GeneratorFixture.read(file.path!))[0]
                layouts.insert(header)
                let mapped = header.compactMap { GeneratorFixture.field(forHeader: $0) }
                XCTAssertEqual(Set(mapped).count, mapped.count, "\(header)")
                XCTAssertTrue(["case_id", "department", "enforcement_type"].allSatisfy(mapped.contains))
                let unmapped = header.filter { GeneratorFixture.field(forHeader: $0) == nil }
                XCTAssertEqual(unmapped, file.unmappedHeaders)
                XCTAssertTrue(unmapped.allSatisfy { $0 == "序号" || $0 == "备注" }, "\(unmapped)")
                XCTAssertGreaterThanOrEqual(mapped.count, 61)
                XCTAssertTrue(header.allSatisfy { $0.unicodeScalars.contains { $0.value > 0x7F } }, "\(header)")
            }
            // Departments' platforms differ from each other.
            XCTAssertGreaterThan(layouts.count, summary.files.count / 2)
        }
    }

    /// Messy values are still values ingestion accepts: spot-check the forms of each type.
    func testMessyValueFormsAreTheDocumentedOnes() throws {
        let (bytes, _) = try GeneratorFixture.generate(GeneratorOptions(cases: 3_000, years: [2025], seed: 8, messy: true))
        let records = TestCSVReader.records(bytes)
        let fields = records[0].map { GeneratorFixture.field(forHeader: $0) }
        var dateForms = Set<String>(), boolValues = Set<String>(), amountSamples = Set<String>()
        for row in records.dropFirst() where row.count == fields.count {
            for (i, value) in row.enumerated() where !value.isEmpty {
                guard let id = fields[i], let type = GeneratorFixture.catalogue[id]?.type else { continue }
                switch type {
                case .date: dateForms.insert(Self.shape(value))
                case .bool: boolValues.insert(value)
                case .number where id == "fine_amount": amountSamples.insert(Self.shape(value))
                case .enumeration where id != "enforcement_type":  // broken rows hold invalid types on purpose
                    XCTAssertTrue(GeneratorFixture.accepted(id).contains(value), "\(id): \(value)")
                default: break
                }
            }
        }
        XCTAssertTrue(boolValues.isSubset(of: ["是", "否", "√", "×", "Y", "N", "有", "无", "已", "未"]), "\(boolValues)")
        XCTAssertTrue(dateForms.isSuperset(of: ["9999-99-99", "9999/9/9", "9999年9月9日", "99999999", "99999"]), "\(dateForms)")
        XCTAssertTrue(amountSamples.contains { $0.hasPrefix("人民币") }, "\(amountSamples)")
        XCTAssertTrue(amountSamples.contains { $0.hasSuffix("万") }, "\(amountSamples)")
        XCTAssertTrue(amountSamples.contains { $0.hasPrefix("￥") }, "\(amountSamples)")
        XCTAssertTrue(amountSamples.contains { $0.hasSuffix(".99元") && $0.contains(",") }, "\(amountSamples)")
    }

    /// Digits replaced by 9 (and one-digit month/day kept apart from two-digit ones).
    static func shape(_ s: String) -> String {
        if s.hasPrefix("人民币") { return "人民币…" }
        var out = ""
        var run = 0
        for ch in s {
            if ch.isASCII && ch.isNumber { run += 1; continue }
            if run > 0 { out += String(repeating: "9", count: min(run, 8)); run = 0 }
            out.append(ch)
        }
        if run > 0 { out += String(repeating: "9", count: min(run, 8)) }
        return out
    }
}
