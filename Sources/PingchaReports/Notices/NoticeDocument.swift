import PingchaDocuments
import PingchaModel
import PingchaRubric

/// One department's rectification notice: facts → template → Markdown → document. Internal
/// (it goes to the department only): personal data stays unless the settings mask everything.
///
/// The periods run from receipt (Art. 30: "自收到…之日起"), and the store knows no date of
/// service, so the notice prints the periods, not dates counted from its own date.
public enum NoticeDocument {
    public static func make(_ facts: NoticeFacts, templates: ReportTemplates, calendar: WorkingDayCalendar) throws(PingchaError) -> OfficialDocument {
        let settings = templates.settings
        let deadlines = RectificationDeadlines(issued: settings.date ?? facts.ranOn, calendar: calendar)
        let audience = Audience(internalWith: settings)
        let values: [String: Any] = [
            "organisation": settings.organisation,
            "documentNumber": settings.documentNumber ?? "",
            "dateText": deadlines.issued.chineseText,
            "batchName": facts.batchName,
            "department": facts.department,
            "cases": String(facts.cases),
            "scored": String(facts.scored),
            "unscored": facts.scored < facts.cases,
            "mean": Figures.oneDecimal(facts.mean),
            "passRate": Figures.percent(facts.passRate),
            "rank": facts.rank.map(String.init) ?? false,
            "rankedCount": String(facts.rankedCount),
            "failedCases": String(facts.failedCases),
            "failedFindings": String(facts.failedFindings),
            "vetoFindings": facts.vetoFindings > 0 ? String(facts.vetoFindings) : false,
            "hasDispositions": !facts.dispositions.isEmpty,
            "dispositions": marked(facts.dispositions.map { ["name": $0.name, "count": String($0.count)] }),
            "listedCases": String(facts.listedCases),
            "truncated": facts.listedCases < facts.failedCases,
            "hasPending": facts.pendingItemsTotal > 0,
            "pendingCases": String(facts.pendingCases),
            "pendingItemsTotal": String(facts.pendingItemsTotal),
            "listedPendingCases": String(facts.listedPendingCases),
            "pendingTruncated": facts.listedPendingCases < facts.pendingCases,
            "items": marked(facts.items.enumerated().map { n, item in
                [
                    "number": String(n + 1),
                    "caseId": audience.text(item.caseId),
                    "caseHead": CaseNumberLines.split(audience.text(item.caseId)).head,
                    "caseTail": CaseNumberLines.split(audience.text(item.caseId)).tail ?? false,
                    "rule": item.rule,
                    "finding": audience.text(item.finding, partyName: item.partyName, partyType: item.partyType),
                    "deduct": item.deduct,
                    "disposition": item.disposition,
                    "veto": item.veto ? "是" : "",
                ] as [String: Any]
            }),
            "pendingItems": marked(facts.pendingItems.enumerated().map { n, item in
                [
                    "number": String(n + 1),
                    "caseId": audience.text(item.caseId),
                    "caseHead": CaseNumberLines.split(audience.text(item.caseId)).head,
                    "caseTail": CaseNumberLines.split(audience.text(item.caseId)).tail ?? false,
                    "rule": item.rule,
                    "check": audience.text(item.check, partyName: item.partyName, partyType: item.partyType),
                ] as [String: Any]
            }),
            "hasRules": !facts.rules.isEmpty,
            "rules": marked(facts.rules.map { ["rule": $0.rule, "basis": $0.basis] }),
            "correctionDeadline": deadlines.correction.chineseText,
            "objectionDeadline": deadlines.objection.chineseText,
        ]
        let markdown = templates.render("notice", values)
        return try MarkdownReader(source: templates.sources["notice"] ?? "notice.md.mustache").read(markdown)
    }
}
