@testable import PingchaGenerate
import PingchaModel
import XCTest

/// A clean export's cases are internally consistent: dates in file order, decisions inside
/// the requested years, statutory periods kept by most cases, valid identifiers.
final class TimelineTests: XCTestCase {
    static let rows: [[String: String]] = {
        let (bytes, _) = try! GeneratorFixture.generate(GeneratorOptions(cases: 4_000, years: [2023, 2025], seed: 314))
        return TestCSVReader.table(bytes).rows
    }()

    static func date(_ row: [String: String], _ field: String) -> CivilDate? {
        row[field].flatMap { $0.isEmpty ? nil : CivilDate(iso: $0) }
    }

    func testEveryRowIsRead() {
        XCTAssertEqual(Self.rows.count, 4_000)
    }

    /// violation ≤ discovered ≤ filed ≤ notice ≤ decision ≤ served ≤ publicized/payment/closed ≤ archived,
    /// over whichever of them a case records, plus the side chains.
    func testDatesFollowTheFileOrder() {
        let chain = ["violation_date", "discovered_date", "filed_date", "notice_date", "decision_date", "served_date"]
        let pairs = [
            ("application_date", "accepted_date"), ("accepted_date", "decision_date"),
            ("notice_date", "hearing_request_date"), ("hearing_request_date", "hearing_notice_date"),
            ("hearing_notice_date", "hearing_date"), ("hearing_date", "decision_date"),
            ("legal_review_date", "decision_date"), ("notice_date", "legal_review_date"),
            ("coercive_start_date", "coercive_end_date"),
            ("served_date", "publicized_date"), ("served_date", "payment_date"), ("served_date", "closed_date"),
            ("served_date", "executed_date"), ("payment_date", "closed_date"), ("coercive_end_date", "closed_date"),
            ("closed_date", "archived_date"), ("publicized_date", "archived_date"), ("payment_date", "archived_date"),
            ("decision_date", "archived_date"),
        ]
        for row in Self.rows {
            let present = chain.compactMap { Self.date(row, $0) }
            XCTAssertEqual(present, present.sorted(), row["case_id"]!)
            for (a, b) in pairs {
                if let x = Self.date(row, a), let y = Self.date(row, b) {
                    XCTAssertLessThanOrEqual(x, y, "\(row["case_id"]!): \(a) \(x) > \(b) \(y)")
                }
            }
        }
    }

    func testDecisionsFallInTheRequestedYearsOnWorkingDays() {
        var years: [Int: Int] = [:]
        for row in Self.rows {
            let d = Self.date(row, "decision_date")!
            years[d.year, default: 0] += 1
            XCTAssertLessThanOrEqual(d.weekday, 5)
        }
        XCTAssertEqual(Set(years.keys), [2023, 2025])
        XCTAssertGreaterThan(years[2023]!, 1_700)
        XCTAssertGreaterThan(years[2025]!, 1_700)
    }

    /// Most cases keep the statutory periods; some break them (that is what the review finds).
    func testStatutoryPeriodsAreMostlyKept() {
        var ordinary = 0, lateDecision = 0, summaryFines = 0, summaryOver = 0, licences = 0, lateLicences = 0
        for row in Self.rows {
            let decision = Self.date(row, "decision_date")!
            if row["enforcement_type"] == "行政处罚", row["procedure"] == "普通程序", let filed = Self.date(row, "filed_date") {
                ordinary += 1
                let limit = row["extension_approved"] == "是" ? 120 : 90
                if decision.dayNumber - filed.dayNumber > limit { lateDecision += 1 }
            }
            if row["procedure"] == "简易程序", row["enforcement_type"] == "行政处罚", let fine = Int(row["fine_amount"]!) {
                summaryFines += 1
                if fine > (row["party_type"] == "自然人" ? 200 : 3_000) { summaryOver += 1 }
            }
            if row["enforcement_type"] == "行政许可", let accepted = Self.date(row, "accepted_date") {
                licences += 1
                var d = accepted, workingDays = 0
                while d < decision { d = d.adding(days: 1); if d.weekday <= 5 { workingDays += 1 } }
                if workingDays > (row["extension_approved"] == "是" ? 30 : 20) { lateLicences += 1 }
            }
        }
        XCTAssertGreaterThan(ordinary, 800)
        XCTAssertGreaterThan(lateDecision, 0)
        XCTAssertLessThan(Double(lateDecision) / Double(ordinary), 0.1)
        XCTAssertGreaterThan(summaryFines, 400)
        XCTAssertLessThan(Double(summaryOver) / Double(summaryFines), 0.05)
        XCTAssertGreaterThan(licences, 600)
        XCTAssertLessThan(Double(lateLicences) / Double(licences), 0.1)
    }

    func testCaseNumbersAreUniquePerDepartmentAndWellFormed() {
        var seen = Set<String>()
        for row in Self.rows {
            let id = row["case_id"]!
            XCTAssertTrue(seen.insert(row["department"]! + "|" + id).inserted, id)
            let year = String(Self.date(row, "decision_date")!.year)
            XCTAssertTrue(id.hasPrefix("克") && id.contains("〔\(year)〕") && id.hasSuffix("号"), id)
        }
    }

    func testIdentifiersCarryValidCheckCharacters() {
        var persons = 0, organisations = 0
        for row in Self.rows {
            let id = Array(row["party_id"]!.utf8)
            XCTAssertEqual(id.count, 18)
            if row["party_type"] == "自然人" {
                persons += 1
                XCTAssertTrue(Self.residentIdValid(id), row["party_id"]!)
                XCTAssertTrue(row["party_phone"]!.isEmpty || (row["party_phone"]!.count == 11 && row["party_phone"]!.hasPrefix("1")))
            } else {
                organisations += 1
                XCTAssertTrue(Self.creditCodeValid(id), row["party_id"]!)
            }
        }
        XCTAssertGreaterThan(persons, 1_000)
        XCTAssertGreaterThan(organisations, 1_000)
    }

    func testEnumAndListValuesAreCatalogueValues() {
        let catalogue = GeneratorFixture.catalogue
        // Every enum and list column the generator writes; the catalogue may hold fields the
        // generator does not fill yet (强制类别, 许可结果 …: an export may lack them too).
        for field in catalogue.fields where (field.type == .enumeration || field.type == .list)
            && CaseColumn(rawValue: field.id) != nil {
            var allowed = Set(field.values.map(\.value))
            // 维持: the pre-2014 wording of 驳回诉讼请求, kept so that the sample's values stay
            // as they were; the catalogue reads it as a synonym.
            if field.id == "litigation_result" {
                allowed.insert("维持")
                XCTAssertEqual(field.values.first { $0.value == "驳回诉讼请求" }?.synonyms.contains("维持"), true)
            }
            var used = Set<String>()
            for row in Self.rows {
                guard let v = row[field.id], !v.isEmpty else { continue }
                let items = field.type == .list ? v.split(separator: ";").map(String.init) : [v]
                for item in items {
                    used.insert(item)
                    XCTAssertTrue(allowed.contains(item), "\(field.id): \(item)")
                }
            }
            XCTAssertFalse(used.isEmpty, field.id)
        }
    }

    /// GB 11643: weights 2^(17-i) mod 11; check table 10X98765432.
    static func residentIdValid(_ id: [UInt8]) -> Bool {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for i in 0..<17 { sum += Int(id[i] - 48) * weights[i] }
        return Array("10X98765432".utf8)[sum % 11] == id[17]
    }

    /// GB 32100: weights 3^i mod 31 over the 31-character alphabet.
    static func creditCodeValid(_ code: [UInt8]) -> Bool {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)
        var sum = 0, weight = 1
        for i in 0..<17 {
            guard let v = alphabet.firstIndex(of: code[i]) else { return false }
            sum += v * weight
            weight = weight * 3 % 31
        }
        return alphabet[(31 - sum % 31) % 31] == code[17]
    }

    func testCheckAlgorithmsAgainstPublishedExamples() {
        XCTAssertTrue(Self.residentIdValid(Array("11010519491231002X".utf8)))
        XCTAssertFalse(Self.residentIdValid(Array("110105194912310021".utf8)))
        XCTAssertTrue(Self.creditCodeValid(Array("91350100M000100Y43".utf8)))
        XCTAssertTrue(Self.creditCodeValid(Array("91110108551385082Q".utf8)))
        XCTAssertFalse(Self.creditCodeValid(Array("91110108551385082R".utf8)))
    }
}
