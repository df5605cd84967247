import PingchaDocuments
import PingchaModel
import PingchaRubric

/// One department's rectification notice: facts → template → Markdown → document. Internal
/// (it goes to the department only): personal data stays unless the settings mask everything.
public enum NoticeDocument {
    public static func make(_ facts: NoticeFacts, templates: ReportTemplates, calendar: WorkingDayCalendar) throws(PingchaError) -> OfficialDocument {
        let settings = templates.settings
        let deadlines = RectificationDeadlines(issued: settings.date ?? facts.ranOn, calendar: calendar)
        let audience = Audience(internalWith: settings)
        let listedFindings = facts.failedCases.reduce(0) { $0 + $1.findings.count }
        let failedCases = max(facts.failedCasesTotal ?? 0, facts.failedCases.count)
        let failedFindings = max(facts.failedFindingsTotal ?? 0, listedFindings)
        let view: [String: Any] = [
            "organisation": settings.organisation,
            "documentNumber": settings.documentNumber ?? "",
            "dateText": deadlines.issued.chineseText,
            "batchName": facts.batchName,
            "department": facts.department,
            "cases": String(facts.cases),
            "mean": Figures.oneDecimal(facts.mean),
            "passRate": Figures.percent(facts.passRate),
            "rank": facts.rank.map(String.init) ?? false,
            "rankedCount": String(facts.rankedCount),
            "failedCases": String(failedCases),
            "listedCases": String(facts.failedCases.count),
            "truncated": facts.failedCases.count < failedCases,
            "failedFindings": String(failedFindings),
            "correctionDeadline": deadlines.correction.chineseText,
            "objectionDeadline": deadlines.objection.chineseText,
        ]
        var values = view
        values["failedCaseList"] = marked(facts.failedCases.enumerated().map { item in
            let c = item.element.listed
            return [
                "numeral": Figures.chineseNumeral(item.offset + 1),
                "caseId": c.caseId,
                "cause": c.cause.map { audience.text($0, partyName: c.partyName, partyType: c.partyType) } ?? false,
                "party": audience.party(c.partyName, type: c.partyType) ?? false,
                "score": c.score.map(\.description) ?? "—",
                "grade": c.grade ?? "—",
                "veto": c.veto,
                "disposition": c.disposition,
                "findings": marked(item.element.findings.map { f in
                    [
                        "ruleId": f.ruleId, "title": f.title,
                        "problem": audience.text(f.problem, partyName: c.partyName, partyType: c.partyType),
                        "deduct": f.deduct, "basis": f.basis ?? "—", "disposition": f.disposition, "undecided": f.undecided,
                    ] as [String: Any]
                }),
            ] as [String: Any]
        })
        let markdown = templates.render("notice", values)
        return try MarkdownReader(source: templates.sources["notice"] ?? "notice.md.mustache").read(markdown)
    }
}
