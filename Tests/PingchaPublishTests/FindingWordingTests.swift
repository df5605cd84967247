import XCTest
import PingchaModel
@testable import PingchaPublish
import PingchaCatalogue

/// A finding in words, from the values its rule read: what a department reads in its notice.
final class FindingWordingTests: XCTestCase {
    let catalogue = FieldCatalogue.builtIn()

    func testAFailureShowsTheValuesThatTellAndWhatIsMissing() {
        // 送达方式 (a category) made the rule apply: it follows the dates it found wrong.
        XCTAssertEqual(FindingWording.failure(fieldsRead: #"{"service_method":"留置送达","decision_date":"2025-02-19","served_date":"2025-03-17"}"#,
                                              review: nil, reviewed: false, catalogue: catalogue),
                       "决定日期：2025年2月19日；送达日期：2025年3月17日（送达方式：留置送达）")
        // The party type says which limit applied (3,000 for an organisation, 200 for a
        // person); amounts carry their unit.
        XCTAssertEqual(FindingWording.failure(fieldsRead: #"{"fine_amount":3200,"party_type":"法人"}"#,
                                              review: nil, reviewed: false, catalogue: catalogue),
                       "罚款金额：3200元（当事人类型：法人）")
        // Fields only the condition read (marked "?") say why the rule applies: given ones go in
        // the brackets, a missing one (no hearing: the ninety days run) is no gap.
        XCTAssertEqual(FindingWording.failure(fieldsRead: #"{"?hearing_date":null,"?evidence_types":["书证"],"decision_date":"2025-07-31","filed_date":"2025-04-30","extension_approved":false}"#,
                                              review: nil, reviewed: false, catalogue: catalogue),
                       "决定日期：2025年7月31日；立案日期：2025年4月30日；延期批准：否（证据种类：书证）")
        XCTAssertEqual(FindingWording.valuesText(#"{"?hearing_date":null,"decision_date":"2025-07-31"}"#, catalogue: catalogue),
                       "听证日期：未载明；决定日期：2025年7月31日")
        // A category the file leaves out (never reconsidered) is no fact the case lacks.
        XCTAssertEqual(FindingWording.failure(fieldsRead: #"{"reconsideration_result":null,"litigation_result":"撤销"}"#,
                                              review: nil, reviewed: false, catalogue: catalogue),
                       "诉讼结果：撤销")
        XCTAssertEqual(FindingWording.failure(fieldsRead: #"{"major_decision":true,"hearing_date":null,"legal_review_done":false}"#,
                                              review: nil, reviewed: false, catalogue: catalogue),
                       "重大执法决定：是；法制审核：否；未载明：听证日期")
        XCTAssertEqual(FindingWording.failure(fieldsRead: #"{"officers_count":1}"#, review: nil, reviewed: false, catalogue: catalogue),
                       "执法人员人数：1")
        XCTAssertEqual(FindingWording.failure(fieldsRead: "{}", review: nil, reviewed: false, catalogue: catalogue), "不符合要求")
    }

    func testAReviewersFindingIsTheirs() {
        XCTAssertEqual(FindingWording.failure(fieldsRead: #"{"officers_count":2}"#,
                                              review: #"[{"outcome":"fail","reviewer":"李某","note":"询问笔录只有一名执法人员签名","source":"a.csv:2"}]"#,
                                              reviewed: true, catalogue: catalogue),
                       "经评查人员判定不符合：询问笔录只有一名执法人员签名")
    }

    func testWhatAReviewerMustCheck() {
        XCTAssertEqual(FindingWording.check(fieldsRead: #"{"publicized":null,"publicized_date":null}"#, conflict: false, suspect: false,
                                            catalogue: catalogue), "材料未载明：是否公示、公示日期")
        XCTAssertEqual(FindingWording.check(fieldsRead: #"{"penalty_basis":"无"}"#, conflict: false, suspect: true, catalogue: catalogue),
                       "筛查未通过，须人工判定：处罚依据：无")
        XCTAssertEqual(FindingWording.check(fieldsRead: "{}", conflict: true, suspect: false, catalogue: catalogue), "评查人员意见不一致，须复核")
    }

    /// The values read, in words, as findings.csv and scores.xlsx write them: the same from a
    /// String and from bytes, the same when met again, nothing for a rule that read nothing.
    func testValuesInWordsRememberedByTheirBytes() {
        var worded = WordedValues()
        let json = #"{"service_method":"直接送达","served_date":null}"#
        XCTAssertEqual(worded.text(json), "送达方式：直接送达；送达日期：未载明")
        var bytes = Array(json.utf8)
        XCTAssertEqual(bytes.withUnsafeBufferPointer { worded.text($0) }, "送达方式：直接送达；送达日期：未载明")
        XCTAssertEqual(worded.text(#"{"officers_count":1}"#), "执法人员人数：1")
        XCTAssertEqual(worded.text(json), "送达方式：直接送达；送达日期：未载明")
        XCTAssertEqual(worded.text("{}"), "")
        XCTAssertEqual(worded.text(""), "")
        bytes = Array("{}".utf8)
        XCTAssertEqual(bytes.withUnsafeBufferPointer { worded.text($0) }, "")
    }
}
