import PingchaAnalytics
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
            guard !items.isEmpty else { continue }
            // What this review says of the same rules, counted as compare counts them.
            let before = try snapshot(candidate, db), after = try snapshot(batch, db)
            let rubrics = Analytics.rubricComparability(between: before, and: after)
            let rows = byDepartment(items).map { row -> BulletinFacts.PreviousRectification.Row in
                var row = row
                if before.rubricsUsed[row.department] != nil || before.problems[row.department] != nil,
                   after.rubricsUsed[row.department] != nil {
                    let c = Analytics.problemChanges(row.department, earlier: before, later: after, rubrics: rubrics)
                    row.problems = .init(fixed: c.fixed.count, persisting: c.persisting.count, new: c.new.count)
                }
                return row
            }
            return .init(batchName: candidate.name, rows: rows)
        }
        return nil
    }

    /// A batch's failed and pending rules and rubrics per department, straight from the store.
    static func snapshot(_ batch: StoredBatch, _ db: StoreSession) throws -> BatchSnapshot {
        let (failed, open, used) = try batch.failedRulesByDepartment(db)
        var problems: [String: Set<RuleKey>] = [:], pending: [String: Set<RuleKey>] = [:], rubricsUsed: [String: Set<String>] = [:]
        for f in failed { problems[f.department, default: []].insert(RuleKey(rubricId: f.rubricId, ruleId: f.ruleId)) }
        for f in open { pending[f.department, default: []].insert(RuleKey(rubricId: f.rubricId, ruleId: f.ruleId)) }
        for u in used { rubricsUsed[u.department, default: []].insert(u.rubricId) }
        return BatchSnapshot(name: batch.name, departments: [], problems: problems, pending: pending, rubricsUsed: rubricsUsed,
                             rubrics: StoredCases.rubricInfos(try batch.rubrics(db).map(\.structure)))
    }
}
