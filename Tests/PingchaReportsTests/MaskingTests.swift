import XCTest
@testable import PingchaReports

final class MaskingTests: XCTestCase {
    func testIdentifiersAreMaskedWherePeopleWriteThem() {
        XCTAssertEqual(PersonalDataMask.maskIdentifiers("身份证号650203199001011234，电话13912345678"),
                       "身份证号650*************34，电话139****5678")
        XCTAssertEqual(PersonalDataMask.maskIdentifiers("证件65020319900101123X。"), "证件650*************3X。")
        XCTAssertEqual(PersonalDataMask.maskIdentifiers("旧证650203900101123"), "旧证650**********23")
        XCTAssertEqual(PersonalDataMask.maskIdentifiers("座机0990-6231234转"), "座机0990-*******转")
        XCTAssertEqual(PersonalDataMask.maskIdentifiers("邮箱 zhang.san@example.com"), "邮箱 *********@example.com")
        XCTAssertEqual(PersonalDataMask.maskIdentifiers("在克拉玛依区友谊路123号销售"), "在克拉玛依区友谊路***号销售")
        XCTAssertEqual(PersonalDataMask.maskIdentifiers("准噶尔小区5栋2单元301室"), "准噶尔小区*栋*单元***室")
    }

    func testFiguresAndCaseNumbersStay() {
        for text in ["克市监罚〔2025〕12号", "罚款5000元", "平均分98.3", "1436件", "2025-12-01", "91650200MA7X12345K",
                     "12345678901", "123456789012345678901"] {
            XCTAssertEqual(PersonalDataMask.maskIdentifiers(text), text)
            XCTAssertFalse(PersonalDataMask.containsIdentifiers(text), text)
        }
    }

    func testNaturalPersonsKeepTheirSurname() {
        XCTAssertEqual(NameMask.publishedName("张三", partyType: "自然人"), "张某")
        XCTAssertEqual(NameMask.publishedName("欧阳娜娜", partyType: "自然人"), "欧阳某")
        XCTAssertEqual(NameMask.publishedName("克拉玛依市某某超市有限公司", partyType: "法人"), "克拉玛依市某某超市有限公司")
        // The export does not say: a short Chinese name without an organisation word is a person.
        XCTAssertEqual(NameMask.publishedName("李四", partyType: nil), "李某")
        XCTAssertEqual(NameMask.publishedName("苏记烧烤店", partyType: nil), "苏记烧烤店")
        XCTAssertEqual(NameMask.publishedName("王", partyType: "自然人"), "某")
    }

    func testAudiences() {
        let published = Audience.published(.surname)
        XCTAssertEqual(published.party("张三", type: "自然人"), "张某")
        XCTAssertEqual(published.text("张三无证经营，电话13912345678", partyName: "张三", partyType: "自然人"), "张某无证经营，电话139****5678")
        let internalUse = Audience.internalUse(maskAll: false)
        XCTAssertEqual(internalUse.text("张三无证经营，电话13912345678", partyName: "张三", partyType: "自然人"), "张三无证经营，电话13912345678")
        let everything = Audience.internalUse(maskAll: true)
        XCTAssertEqual(everything.party("张三", type: "自然人"), "张某")
        XCTAssertEqual(everything.text("13912345678"), "139****5678")
    }
}
