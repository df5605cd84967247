import PingchaModel
import PingchaRubric
import PingchaStore
import PingchaCatalogue

extension StoredBatch {
    /// The items of the batch's rectification register (整改台账): every failed finding the
    /// notices list whose rule carries a disposition (处理方式 other than 无需处理), read with
    /// the notices' own query (``StoredBatch/forEachNoticeFailure(_:limit:catalogue:_:)``, in
    /// its order: department, then score and case, then rule) and the notices' rule names
    /// (``RuleNames``), so that the register and the notices never disagree on an item. Every
    /// case is taken, not only the `notice_case_limit` a notice prints.
    public func rectificationItems(_ session: StoreSession) throws -> [FollowupRegister.Item] {
        let names = RuleNames(try rubrics(session).map(\.structure))
        var items: [FollowupRegister.Item] = []
        try forEachNoticeFailure(session, limit: 0, catalogue: .builtIn()) { f in
            let disposition = names.entry(rubric: f.rubricId, rule: f.ruleId).disposition
            guard disposition != .none else { return }
            items.append(.init(itemNo: items.count + 1, department: f.department, caseId: f.caseId, rubricId: f.rubricId,
                               ruleId: f.ruleId, disposition: disposition, stage: .registered))
        }
        return items
    }

    /// The rule labels of the register's items (“处罚（普通）PRO-10 …”, as the notices name
    /// them), by `rubric/rule`.
    public func ruleLabels(_ session: StoreSession, of items: [FollowupRegister.Item]) throws -> [String: String] {
        let names = RuleNames(try rubrics(session).map(\.structure))
        var labels: [String: String] = [:]
        for item in items { labels[item.rubricId + "/" + item.ruleId] = names.entry(rubric: item.rubricId, rule: item.ruleId).label }
        return labels
    }
}
