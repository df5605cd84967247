import PingchaAnalytics
import PingchaRubric
import XCTest

final class ThreeSystemsTests: XCTestCase {
    static func facts(_ p: ThreeSystemStatus, _ r: ThreeSystemStatus, _ l: ThreeSystemStatus) -> ThreeSystemsFacts {
        ThreeSystemsFacts(publicity: p, recording: r, legalReview: l)
    }

    /// publicity: met, met, notMet, met, unknown, n/a → applicable 5, rate 3/(3+1) = 0.75;
    /// recording: met, n/a, n/a, n/a, notMet, notMet → applicable 3, rate 1/3;
    /// legal review: n/a everywhere → applicable 0, no rate (not 0 %).
    static let cases: [ScoredCase] = [
        Fixture.scored(1, "T-1", Fixture.A, "100", threeSystems: facts(.met, .met, .notApplicable)),
        Fixture.scored(2, "T-2", Fixture.A, "100", threeSystems: facts(.met, .notApplicable, .notApplicable)),
        Fixture.scored(3, "T-3", Fixture.B, "100", threeSystems: facts(.notMet, .notApplicable, .notApplicable)),
        Fixture.scored(4, "T-4", Fixture.B, "100", threeSystems: facts(.met, .notApplicable, .notApplicable)),
        Fixture.scored(5, "T-5", Fixture.B, "100", threeSystems: facts(.unknown, .notMet, .notApplicable)),
        Fixture.scored(6, "T-6", Fixture.B, "100", threeSystems: facts(.notApplicable, .notMet, .notApplicable)),
    ]

    func testRatesOverApplicableCasesOnly() throws {
        let rates = Analytics.threeSystemsRates(Self.cases)
        XCTAssertEqual(rates.map(\.system), [.publicity, .recording, .legalReview])
        XCTAssertEqual(rates.map(\.system.rateName), ["公示率", "全过程记录率", "法制审核率"])

        let publicity = rates[0]
        XCTAssertEqual(publicity.applicable, 5)
        XCTAssertEqual([publicity.met, publicity.notMet, publicity.unknown], [3, 1, 1])
        XCTAssertEqual(publicity.rate, Proportion(successes: 3, trials: 4))
        XCTAssertEqual(publicity.rate.rate, 0.75)
        // 3/4: center = (0.75 + 0.480182)/1.960365 = 0.627527, half 0.326885 → [0.3006, 0.9544].
        XCTAssertEqual(try XCTUnwrap(publicity.rate.interval?.lower), 0.3006, accuracy: 0.00005)
        XCTAssertEqual(try XCTUnwrap(publicity.rate.interval?.upper), 0.9544, accuracy: 0.00005)

        XCTAssertEqual(rates[1].applicable, 3)
        XCTAssertEqual(try XCTUnwrap(rates[1].rate.rate), 1.0 / 3, accuracy: 1e-12)

        XCTAssertEqual(rates[2].applicable, 0)
        XCTAssertNil(rates[2].rate.rate)
        XCTAssertNil(rates[2].rate.interval)
    }

    func testPerDepartment() {
        let perDepartment = Analytics.threeSystemsRates(Self.cases, by: { $0.department })
        XCTAssertEqual(perDepartment.map(\.key), [Fixture.A, Fixture.B])
        XCTAssertEqual(perDepartment[0].rates[0].rate, Proportion(successes: 2, trials: 2))
        XCTAssertEqual(perDepartment[1].rates[0].rate, Proportion(successes: 1, trials: 2))
        XCTAssertEqual(perDepartment[1].rates[0].unknown, 1)
        XCTAssertEqual(perDepartment[1].rates[1].rate, Proportion(successes: 0, trials: 2))
    }

    /// A stored case's facts come from its measures: the rates count them as they come.
    func testRatesOfFactsFromMeasures() {
        let cases = [
            Fixture.scored(1, "M-1", Fixture.A, "100", threeSystems: ThreeSystemsFacts(measures: [.publicity: .pass, .recording: .unknown])),
            Fixture.scored(2, "M-2", Fixture.A, "100", threeSystems: ThreeSystemsFacts(measures: [.publicity: .fail, .legalReview: .notApplicable])),
            Fixture.scored(3, "M-3", Fixture.A, "100", threeSystems: ThreeSystemsFacts(measures: [:])),
        ]
        let rates = Analytics.threeSystemsRates(cases)
        XCTAssertEqual(rates, [ThreeSystemRate(system: .publicity, applicable: 2, met: 1, notMet: 1),
                               ThreeSystemRate(system: .recording, applicable: 1, unknown: 1),
                               ThreeSystemRate(system: .legalReview)])
    }

    func testFactsSubscript() {
        var facts = ThreeSystemsFacts()
        XCTAssertEqual(facts[.legalReview], .notApplicable)
        facts[.legalReview] = .notMet
        XCTAssertEqual(facts.legalReview, .notMet)
    }
}
