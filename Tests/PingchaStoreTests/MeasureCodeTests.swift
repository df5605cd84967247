import XCTest
import PingchaModel
import PingchaScoring
import PingchaStore

/// The stored letters of a case's measures (`result.measures`) and three systems
/// (`result.three_systems`), read back as the reports read them.
final class MeasureCodeTests: XCTestCase {
    func testLettersRoundTripEveryOutcome() {
        let outcomes: [Outcome?] = [.pass, .fail, .unknown, .notApplicable, nil]
        var all = Array(outcomes.prefix(Measure.allCases.count))
        all += Array(repeating: nil, count: max(0, Measure.allCases.count - all.count))
        let code = MeasureCode.encode(MeasureOutcomes(outcomes: all))
        XCTAssertEqual(code.count, Measure.allCases.count)
        XCTAssertTrue(code.hasPrefix("mnu-"), code)
        // Not applicable and "no rule" are both "-", and read back as no outcome.
        XCTAssertEqual(MeasureCode.decode(code)?.outcomes, all.map { $0 == .notApplicable ? nil : $0 })
        XCTAssertNil(MeasureCode.decode("mn"), "a code of another length is not read")
        XCTAssertEqual(MeasureCode.threeSystems(code), "mnu")
    }

    func testThreeSystemsFromStoredLetters() {
        let unknown = ThreeSystemOutcomes(publicity: .unknown, recording: .unknown, legalReview: .unknown)
        XCTAssertEqual(MeasureCode.threeSystems(stored: "mn-", covered: true), ThreeSystemOutcomes(publicity: .pass, recording: .fail))
        XCTAssertEqual(MeasureCode.threeSystems(stored: "-um", covered: true), ThreeSystemOutcomes(recording: .unknown, legalReview: .pass))
        XCTAssertEqual(MeasureCode.threeSystems(stored: "uuu", covered: true), unknown)
        // A case no rubric covered: no system applies.
        XCTAssertEqual(MeasureCode.threeSystems(stored: nil as String?, covered: false), ThreeSystemOutcomes())
        // A scored case stored before schema 2 (no letters): unknown, not judged again.
        XCTAssertEqual(MeasureCode.threeSystems(stored: nil as String?, covered: true), unknown)
        // Letters of another length are no reading either.
        XCTAssertEqual(MeasureCode.threeSystems(stored: "mn", covered: true), unknown)
    }
}
