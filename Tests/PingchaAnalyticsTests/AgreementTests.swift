import PingchaAnalytics
import XCTest

final class AgreementTests: XCTestCase {
    static func items(_ category: String, _ first: ReviewerVerdict, _ second: ReviewerVerdict, _ n: Int,
                      from start: Int) -> [ReviewerPairItem] {
        (start..<start + n).map {
            ReviewerPairItem(caseReference: CaseReference(caseNo: $0, caseId: "K-\($0)", department: "司法局"),
                             ruleId: "R", categoryId: category, first: first, second: second)
        }
    }

    /// The classic table: both pass 20, both fail 15, first pass / second fail 5,
    /// first fail / second pass 10 (n = 50).
    /// pₒ = 35/50 = 0.7; first: pass 25, fail 25; second: pass 30, fail 20;
    /// pₑ = (25·30 + 25·20)/50² = 1250/2500 = 0.5; κ = (0.7 − 0.5)/(1 − 0.5) = 0.4.
    static let procedure = items("procedure", .pass, .pass, 20, from: 0) + items("procedure", .fail, .fail, 15, from: 20)
        + items("procedure", .pass, .fail, 5, from: 35) + items("procedure", .fail, .pass, 10, from: 40)

    func testClassicTwoByTwo() throws {
        let agreement = Analytics.agreement(Self.procedure)
        let figures = try XCTUnwrap(agreement.byCategory.first)
        XCTAssertEqual(figures.categoryId, "procedure")
        XCTAssertEqual(figures.items, 50)
        XCTAssertEqual(figures.agreed, 35)
        XCTAssertEqual(figures.count(first: .fail, second: .pass), 10)
        XCTAssertEqual(try XCTUnwrap(figures.percentAgreement), 0.7, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(figures.expectedAgreement), 0.5, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(figures.kappa), 0.4, accuracy: 1e-12)
        XCTAssertEqual(agreement.disagreements.count, 15)
    }

    func testKappaUndefinedWhenChanceAgreementIsCertain() throws {
        // Both reviewers said "pass" to all 4 subject items: pₒ = 1, pₑ = 1, κ = 0/0.
        let agreement = Analytics.agreement(Self.procedure + Self.items("subject", .pass, .pass, 4, from: 50))
        let subject = try XCTUnwrap(agreement.byCategory.first { $0.categoryId == "subject" })
        XCTAssertEqual(subject.percentAgreement, 1)
        XCTAssertEqual(subject.expectedAgreement, 1)
        XCTAssertNil(subject.kappa)
        // Overall, n = 54, agreed 39: first pass 29 / fail 25, second pass 34 / fail 20;
        // Σ rc = 29·34 + 25·20 = 1486; κ = (54·39 − 1486)/(54² − 1486) = 620/1430 = 0.4336.
        XCTAssertNil(agreement.overall.categoryId)
        XCTAssertEqual(agreement.overall.items, 54)
        XCTAssertEqual(try XCTUnwrap(agreement.overall.percentAgreement), 39.0 / 54, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(agreement.overall.kappa), 620.0 / 1430, accuracy: 1e-12)
    }

    func testNotApplicableIsAThirdVerdict() throws {
        // 2 both na, 1 pass/na, 1 na/pass (n = 4): pₒ = 2/4; first: pass 1, na 3; second:
        // pass 1, na 3; pₑ = (1 + 9)/16 = 0.625; κ = (0.5 − 0.625)/0.375 = −1/3.
        let items = Self.items("evidence", .na, .na, 2, from: 0) + Self.items("evidence", .pass, .na, 1, from: 2)
            + Self.items("evidence", .na, .pass, 1, from: 3)
        let figures = Analytics.agreement(items).overall
        XCTAssertEqual(try XCTUnwrap(figures.kappa), -1.0 / 3, accuracy: 1e-12)
    }

    func testNoItems() {
        let agreement = Analytics.agreement([])
        XCTAssertEqual(agreement.overall.items, 0)
        XCTAssertNil(agreement.overall.percentAgreement)
        XCTAssertNil(agreement.overall.kappa)
        XCTAssertEqual(agreement.byCategory, [])
    }
}
