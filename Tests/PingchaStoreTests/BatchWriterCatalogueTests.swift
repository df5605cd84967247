import Foundation
import GRDB
import PingchaModel
import PingchaRubric
import PingchaScoring
@testable import PingchaStore
import PingchaTestSupport
import XCTest
import PingchaCatalogue

/// What a batch needs of the field catalogue: the key fields the `case` table keeps in
/// columns (`CaseKeyFields`), the optional ones stored as NULL when the catalogue lacks them,
/// and every value round-tripping through the store.
final class BatchWriterCatalogueTests: XCTestCase {
    var folder: TemporaryFolder!

    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDown() { folder.remove() }

    static let header = BatchHeader(name: "B", year: 2025, ranAt: "2025-01-01T00:00:00Z", toolVersion: "test",
                                    calendarVersion: "c", catalogueSHA256: "x")

    /// Stores `cases` (values by catalogue position) as batch B, no rubric covering them.
    func store(_ cases: [[FieldValue?]], catalogue: FieldCatalogue, in queue: DatabaseQueue) throws {
        try queue.write { db in
            let writer = try BatchWriter(StoreSession(db: db), header: Self.header, scorer: Scorer(rubrics: []), catalogue: catalogue)
            for (i, values) in cases.enumerated() {
                try writer.addCase(CaseRecord(values: values, fileIndex: 0, line: i + 2), caseNo: i + 1, result: .uncovered)
            }
            try writer.finish(inputs: [], cases: cases.count, scored: 0, uncovered: cases.count, needsReview: 0)
        }
    }

    /// The stored values of batch B, decoded through the batch's own field list.
    func storedValues(_ queue: DatabaseQueue, catalogue: FieldCatalogue) throws -> [[FieldValue?]] {
        try queue.read { db in
            let ids = StoredValues.fieldIds(json: try String.fetchOne(db, sql: "SELECT fields FROM batch WHERE name = 'B'"))
            let layout = StoredValues.Layout(fieldIds: ids, catalogue: catalogue)
            return try DatabaseValue.fetchAll(db, sql: #"SELECT fields FROM "case" ORDER BY case_no"#).map { column in
                StoredValues.bytes(column).withUnsafeBufferPointer { StoredValues.decode($0, layout: layout) }
            }
        }
    }

    func testEveryTypeRoundTripsThroughTheStore() throws {
        let catalogue = TestCatalogues.everyType
        let full: [FieldValue?] = [
            .text("克市监罚〔2025〕1号"), .text("市场监督管理局"), .text("克拉玛依区"), .text("行政处罚"),
            .date(CivilDate(iso: "2024-02-29")!), .number(DecimalNumber("-1234567.0125")!), .bool(true),
            .list(["书证", "物证", "视听资料"]), .text(String(repeating: "当事人未按规定公示信息；", count: 500)),
        ]
        let sparse: [FieldValue?] = [.text("克市监罚〔2025〕2号"), .text("市场监督管理局"), nil, .text("行政检查"),
                                     nil, .number(.zero), .bool(false), .list([]), nil]
        let queue = try StoreConnection.open(path: folder.file("s.sqlite"), creating: true)
        try store([full, sparse], catalogue: catalogue, in: queue)
        XCTAssertEqual(try storedValues(queue, catalogue: catalogue), [full, sparse])
        try queue.read { db in
            let rows = try Row.fetchAll(db, sql: #"SELECT case_id, department, district, enforcement_type, decision_date, typeof(fields) FROM "case" ORDER BY case_no"#)
            XCTAssertEqual(rows.map { $0.databaseValues.map(\.description) }, [
                ["\"克市监罚〔2025〕1号\"", "\"市场监督管理局\"", "\"克拉玛依区\"", "\"行政处罚\"", "\"2024-02-29\"", "\"blob\""],
                ["\"克市监罚〔2025〕2号\"", "\"市场监督管理局\"", "NULL", "\"行政检查\"", "NULL", "\"blob\""],
            ])
        }
    }

    /// A catalogue without `district` and `decision_date` stores its cases with NULL there.
    func testACatalogueWithoutTheOptionalFields() throws {
        let catalogue = TestCatalogues.everyType(without: ["district", "decision_date"])
        let values: [FieldValue?] = [.text("X-1"), .text("司法局"), .text("行政处罚"), .number(DecimalNumber("200")!), nil, .list(["书证"]), nil]
        let queue = try StoreConnection.open(path: folder.file("s.sqlite"), creating: true)
        try store([values], catalogue: catalogue, in: queue)
        XCTAssertEqual(try storedValues(queue, catalogue: catalogue), [values])
        try queue.read { db in
            let row = try XCTUnwrap(try Row.fetchOne(db, sql: #"SELECT case_id, department, district, enforcement_type, decision_date FROM "case""#))
            XCTAssertEqual(row.databaseValues.map(\.description), ["\"X-1\"", "\"司法局\"", "NULL", "\"行政处罚\"", "NULL"])
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT fields FROM batch"),
                           #"["case_id","department","enforcement_type","fine_amount","av_required","evidence_types","facts"]"#)
        }
    }

    /// A catalogue without a key field is refused with the file and the field named, before
    /// anything is written: the previous batch of the same name is still there.
    func testACatalogueWithoutAKeyFieldIsRefusedBeforeAnythingIsStored() throws {
        let queue = try StoreConnection.open(path: folder.file("s.sqlite"), creating: true)
        try store([[.text("X-1"), .text("司法局"), nil, .text("行政处罚"), nil, nil, nil, nil, nil]],
                  catalogue: TestCatalogues.everyType, in: queue)
        let lacking = TestCatalogues.everyType(without: ["department"])
        XCTAssertThrowsError(try store([], catalogue: lacking, in: queue)) { error in
            XCTAssertEqual(error as? PingchaError, .catalogueLacksKeyFields(SourceLocation(file: "test/without.yaml"), missing: ["department（执法主体）"]))
            XCTAssertEqual((error as? PingchaError)?.message,
                           "test/without.yaml: 字段目录缺少保存案件必需的字段 department（执法主体）：数据库按案件编号、执法主体和执法类别保存每个案件，"
                           + "请在字段目录中加入（定义可从 rubrics/fields.yaml 复制）；本次运行未保存任何结果")
        }
        try queue.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM batch"), 1)
            XCTAssertEqual(try String.fetchOne(db, sql: #"SELECT case_id FROM "case""#), "X-1")
        }
        XCTAssertThrowsError(try CaseKeyFields.check(TestCatalogues.everyType(without: ["case_id", "enforcement_type", "district"]))) { error in
            XCTAssertEqual(error as? PingchaError, .catalogueLacksKeyFields(SourceLocation(file: "test/without.yaml"),
                                                                            missing: ["case_id（案件编号）", "enforcement_type（执法类别）"]))
        }
        XCTAssertNoThrow(try CaseKeyFields.check(FieldCatalogue.builtIn()))
    }
}
