import Foundation
import PingchaIngest
import PingchaModel
import PingchaPublish
import PingchaRubric
import PingchaStore

/// Opens a batch's rectification register (整改台账) from what its notices list: every failed
/// finding whose rule carries a disposition (处理方式 other than 无需处理), read with the
/// notices' own query (``StoredBatch/forEachNoticeFailure(_:limit:catalogue:_:)``, in its
/// order: department, then score and case, then rule) and the notices' rule names
/// (``RuleNames``), so that the register and the notices can never disagree on an item.
///
/// All cases are taken (limit 0), not only the `notice_case_limit` a notice prints: a case
/// left out of a long notice's list still has to be corrected, and nothing is dropped silently.
struct FollowupRegisterBuilder {
    let batchName: String
    let periods: FollowupPeriods

    /// What opening did.
    struct Opened: Equatable {
        /// Items in the register, departments and cases they cover.
        var items: Int
        var departments: Int
        var cases: Int
        /// False when the register was already open (nothing changed).
        var created: Bool
    }

    /// Opens the register in `session` (a write transaction) unless it is open already.
    func open(_ session: StoreSession, at: String) throws -> Opened {
        let register = FollowupRegister(batch: batchName)
        if try register.isOpen(session) {
            let items = try register.items(session)
            return Opened(items: items.count, departments: Set(items.map(\.department)).count,
                          cases: Set(items.map { [$0.department, $0.caseId] }).count, created: false)
        }
        let batch = try StoredBatch.named(batchName, in: session)
        let items = try batch.rectificationItems(session)
        let departments = Set(items.map(\.department)).count
        let cases = Set(items.map { [$0.department, $0.caseId] }).count
        let detail = "建立整改台账：\(departments)个执法主体、\(cases)件案卷、\(items.count)个问题（批次运行于 \(batch.ranAt)）"
        _ = try register.open(session, items: items, audit: .init(action: "open", at: at, source: nil, sha256: nil,
                                                                   periodsSHA256: SHA256Digest.hex(of: periods.source), detail: detail))
        return Opened(items: items.count, departments: departments, cases: cases, created: true)
    }
}
