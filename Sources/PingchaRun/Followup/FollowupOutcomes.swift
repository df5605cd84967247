import PingchaModel
import PingchaReports
import PingchaRubric
import PingchaStore

/// How a register's items ended, per department, by the stage recorded last: what the next
/// review's bulletin and `compare` say in 上次评查问题整改情况 (one counting for both).
enum FollowupOutcomes {
    static func byDepartment(_ items: [FollowupRegister.Item]) -> [BulletinFacts.PreviousRectification.Row] {
        var order: [String] = []
        var counts: [String: [FollowupStage: Int]] = [:]
        for item in items {
            if counts[item.department] == nil { order.append(item.department) }
            counts[item.department, default: [:]][item.stage, default: 0] += 1
        }
        return order.map { d in
            let c = counts[d]!
            func n(_ stages: FollowupStage...) -> Int { stages.map { c[$0] ?? 0 }.reduce(0, +) }
            return .init(department: d, items: c.values.reduce(0, +), corrected: n(.corrected, .executed), partly: n(.partlyCorrected),
                         notCorrected: n(.notCorrected), reexamination: n(.reexamination), revoked: n(.revoked),
                         open: n(.registered, .notice, .answered, .opinion, .decision))
        }
    }

    /// The previous review of `batch`: the latest stored batch of an earlier year with a
    /// rectification register, and how its items ended. Nil when there is none.
    static func previous(to batch: StoredBatch, _ db: StoreSession) throws -> BulletinFacts.PreviousRectification? {
        guard let year = batch.year else { return nil }
        let earlier = try StoredBatch.list(db).filter { $0.name != batch.name && ($0.year ?? Int.max) < year }
            .sorted { ($0.year ?? 0, $0.ranAt) > ($1.year ?? 0, $1.ranAt) }
        for candidate in earlier {
            let items = try FollowupRegister(batch: candidate.name).items(db)
            if !items.isEmpty { return .init(batchName: candidate.name, rows: byDepartment(items)) }
        }
        return nil
    }
}
