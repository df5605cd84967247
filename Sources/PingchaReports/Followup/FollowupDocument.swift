import PingchaDocuments
import PingchaModel

/// What one department's 行政执法监督通知书, 意见书 or 决定书 prints (`followup issue`): the items
/// that reached the stage, and the periods with their last days counted from the document's date
/// (the periods run from receipt; the date of service is recorded later with `followup record`).
public struct FollowupDocumentFacts: Sendable {
    public var kind: FollowupDocumentKind
    public var department: String
    public var batchName: String
    /// The 发文字号 pattern with the document's number put in (or `{number}` for a blank).
    public var number: String
    public var date: CivilDate
    public var items: [Item]
    /// By name (`answer`, `correct`, `reexam`, `decide`, `report`): “10个工作日” and the last day.
    public var periods: [String: Period]
    /// When the notice and the opinion before this document were served, if recorded.
    public var noticeServed: CivilDate?
    public var opinionServed: CivilDate?

    public struct Item: Sendable {
        public var caseId: String
        /// “处罚（普通）PRO-10 处罚决定书当场交付或在七个工作日内送达”.
        public var rule: String
        public var disposition: Disposition

        public init(caseId: String, rule: String, disposition: Disposition) {
            self.caseId = caseId
            self.rule = rule
            self.disposition = disposition
        }
    }

    public struct Period: Sendable {
        public var wording: String
        public var end: CivilDate

        public init(wording: String, end: CivilDate) {
            self.wording = wording
            self.end = end
        }
    }

    public init(kind: FollowupDocumentKind, department: String, batchName: String, number: String, date: CivilDate,
                items: [Item], periods: [String: Period], noticeServed: CivilDate?, opinionServed: CivilDate?) {
        self.kind = kind
        self.department = department
        self.batchName = batchName
        self.number = number
        self.date = date
        self.items = items
        self.periods = periods
        self.noticeServed = noticeServed
        self.opinionServed = opinionServed
    }
}

/// Facts → `followup.md.mustache` → document. Internal documents (to the department): personal
/// data stays unless the settings mask everything, as in the notices.
public enum FollowupDocument {
    /// What art. 31 decides for an item, by its disposition (撤销 has no disposition of its own).
    /// What art. 31 decides for items of disposition `d`. 责令限期改正 states its period: the
    /// decision's own (`period`, the 30 days of art. 31 ¶3 within which execution is reported),
    /// where the document said 限期 and gave none.
    static func decisionWording(_ d: Disposition, period: String?) -> String {
        switch d {
        case .invalid: return "确认该行政执法行为无效，由你单位依法处理"
        case .illegal: return "确认该行政执法行为违法"
        case .correct, .improve, .none: return period.map { "责令你单位自收到本决定书之日起\($0)内改正" } ?? "责令你单位限期改正"
        }
    }

    public static func make(_ facts: FollowupDocumentFacts, templates: ReportTemplates) throws(PingchaError) -> OfficialDocument {
        let audience = Audience(internalWith: templates.settings)
        let numerals = ["一", "二", "三", "四", "五"]
        var values: [String: Any] = [
            "organisation": templates.settings.organisation,
            "documentNumber": facts.number,
            "dateText": facts.date.chineseText,
            "title": facts.kind.chineseName,
            "department": facts.department,
            "batchName": facts.batchName,
            "cases": String(Set(facts.items.map(\.caseId)).count),
            "itemCount": String(facts.items.count),
            "notice": facts.kind == .notice,
            "opinion": facts.kind == .opinion,
            "decision": facts.kind == .decision,
            "noticeDateText": facts.noticeServed?.chineseText ?? "此前",
            "opinionDateText": facts.opinionServed?.chineseText ?? "此前",
            "items": marked(facts.items.map {
                CaseNumberLines.templateValues(audience.text($0.caseId, partyName: nil, partyType: nil))
                    .merging(["rule": $0.rule, "disposition": $0.disposition.chineseName]) { $1 }
            }),
            "decisions": marked(Disposition.gravestFirst.compactMap { d -> (Disposition, Int)? in
                let n = facts.items.filter { $0.disposition == d }.count
                return n > 0 ? (d, n) : nil
            }.enumerated().map { i, dn in
                ["numeral": numerals[min(i, numerals.count - 1)], "name": dn.0.chineseName, "count": String(dn.1),
                 "wording": decisionWording(dn.0, period: facts.periods["report"]?.wording)] as [String: Any]
            }),
        ]
        for (name, p) in facts.periods {
            values[name + "Period"] = p.wording
            values[name + "End"] = p.end.chineseText
        }
        return try templates.document("followup", values)
    }
}
