@testable import PingchaGenerate
import PingchaModel
import XCTest

/// The enforcement types and remedy outcomes given after the sample existed (issue 16):
/// they change 其他 cases and outcomes in the body's favour, nothing else.
final class LaterCatalogueValuesTests: XCTestCase {
    /// A case's row as field → value, written the canonical way.
    static func row(_ c: SyntheticCase) -> [String: String] {
        var bytes = header
        var rng = CaseRandom(seed: 1, stream: .rowFormat, index: 0)
        writer.append(c, serial: 1, defect: .none, &rng, to: &bytes)
        return TestCSVReader.table(bytes).rows[0]
    }

    static let writer: RowWriter = {
        let bodies = CityEnforcementBodies.all
        let none = [Bool](repeating: false, count: CaseColumn.allCases.count)
        return RowWriter(bodies: bodies, layout: .canonical, styles: Array(repeating: .canonical, count: bodies.count),
                         unrecorded: Array(repeating: none, count: bodies.count), messy: false)
    }()
    static let header = ExportLayout.canonical.headerRow()

    /// Every case made with and without the later values: the rows differ only in a retyped
    /// 其他 case's type, matter and number, and in a replaced favourable outcome with its
    /// closing date; the counts of each change are this seed's.
    func testOnlyOtherCasesAndOutcomesInTheBodysFavourChange() {
        let bodies = CityEnforcementBodies.all
        // Two factories: each numbers its own cases.
        var old = CaseFactory(bodies: bodies, selected: Array(bodies.indices), years: [2025], seed: 11)
        var factory = old
        var retyped: [String: Int] = [:], reconsiderations: [String: Int] = [:], suits: [String: Int] = [:]
        for i in 0..<6_000 {
            var before = old.make(index: i, laterValues: false)
            var after = factory.make(index: i)
            old.assignNumber(&before)
            factory.assignNumber(&after)
            var a = Self.row(before), b = Self.row(after)
            let body = bodies[after.body]
            if a["enforcement_type"] != b["enforcement_type"] {
                XCTAssertEqual(a["enforcement_type"], "其他")
                let kind = after.kind
                XCTAssertTrue(EnforcementKind.retyped.contains(kind))
                let matters = [body.requisitionMatters, body.benefitMatters, body.adjudicationMatters, body.rewardMatters][kind.rawValue - EnforcementKind.requisition.rawValue]
                XCTAssertTrue(matters.contains(b["cause"]!), b["cause"]!)
                XCTAssertTrue(b["case_id"]!.hasPrefix(body.abbreviation + body.numberCodes[CaseFactory.slot(kind, nil).rawValue] + "〔2025〕"), b["case_id"]!)
                retyped[b["enforcement_type"]!, default: 0] += 1
                for f in ["enforcement_type", "cause", "case_id"] { a[f] = nil; b[f] = nil }
            } else if a["enforcement_type"] == "其他" || EnforcementKind.retyped.contains(after.kind) {
                // Unretyped 其他 cases are numbered after the retyped ones left their series.
                a["case_id"] = nil; b["case_id"] = nil
            }
            if a["reconsideration_result"] != b["reconsideration_result"] {
                XCTAssertTrue(["维持", "驳回"].contains(a["reconsideration_result"]!), a["reconsideration_result"]!)
                XCTAssertTrue(["终止", "调解"].contains(b["reconsideration_result"]!), b["reconsideration_result"]!)
                reconsiderations[b["reconsideration_result"]!, default: 0] += 1
                for f in ["reconsideration_result", "reconsideration_closed_date"] { a[f] = nil; b[f] = nil }
            }
            if a["litigation_result"] != b["litigation_result"] {
                XCTAssertTrue(["维持", "驳回诉讼请求"].contains(a["litigation_result"]!), a["litigation_result"]!)
                XCTAssertTrue(["驳回起诉", "撤诉", "调解"].contains(b["litigation_result"]!), b["litigation_result"]!)
                if let filed = CivilDate(iso: b["litigation_filed_date"]!), let closed = CivilDate(iso: b["litigation_closed_date"]!) {
                    XCTAssertLessThan(filed, closed)
                } else {
                    XCTFail("a closed suit has both dates: \(b)")
                }
                suits[b["litigation_result"]!, default: 0] += 1
                for f in ["litigation_result", "litigation_closed_date"] { a[f] = nil; b[f] = nil }
            }
            XCTAssertEqual(a, b, "case \(i)")
        }
        XCTAssertEqual(retyped, ["行政奖励": 35, "行政裁决": 13, "行政给付": 8, "行政征用": 1])
        XCTAssertEqual(reconsiderations, ["终止": 4, "调解": 1])
        XCTAssertEqual(suits, ["撤诉": 6, "驳回起诉": 2, "调解": 1])
    }

    /// The replacement rates, over many draws of each drawn outcome: only outcomes in the
    /// body's favour are ever replaced.
    func testOutcomeReplacementRates() {
        var rng = CaseRandom(seed: 5, stream: .annualFacts, index: 0)
        for r in ReconsiderationResult.allCases.prefix(7) {
            var seen: [ReconsiderationResult: Int] = [:]
            for _ in 0..<10_000 { seen[LaterCatalogueValues.reconsideration(after: r, &rng), default: 0] += 1 }
            switch r {
            case .upheld: XCTAssertEqual(seen, [.upheld: 9_067, .terminated: 798, .mediated: 135])
            case .dismissed: XCTAssertEqual(seen, [.dismissed: 9_090, .terminated: 762, .mediated: 148])
            default: XCTAssertEqual(seen, [r: 10_000])
            }
        }
        for r in LitigationResult.allCases.prefix(7) {
            var seen: [LitigationResult: Int] = [:]
            for _ in 0..<10_000 { seen[LaterCatalogueValues.litigation(after: r, &rng), default: 0] += 1 }
            switch r {
            case .upheld: XCTAssertEqual(seen, [.upheld: 6_984, .withdrawn: 2_360, .suitDismissed: 505, .mediated: 151])
            case .claimDismissed: XCTAssertEqual(seen, [.claimDismissed: 6_940, .withdrawn: 2_436, .suitDismissed: 477, .mediated: 147])
            default: XCTAssertEqual(seen, [r: 10_000])
            }
        }
    }

    /// Each body's retyped kinds are those it has matters for; 公安局 has no 给付 or 裁决.
    func testRetypedKindsFollowTheBodysMatters() {
        let police = CityEnforcementBodies.publicSecurity
        var rng = CaseRandom(seed: 3, stream: .annualFacts, index: 0)
        var kinds = Set<EnforcementKind>()
        for _ in 0..<2_000 { kinds.insert(EnforcementKind.retyped[police.retypedKinds!.pick(&rng)]) }
        XCTAssertEqual(kinds, [.requisition, .reward])
        for body in CityEnforcementBodies.all {
            XCTAssertEqual(body.numberCodes.count, CaseNumberSlot.allCases.count, body.name)
            XCTAssertNotNil(body.retypedKinds, body.name)
        }
    }
}
