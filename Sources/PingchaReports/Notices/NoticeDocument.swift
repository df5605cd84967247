import PingchaDocuments
import PingchaModel
import PingchaCalendar

/// One department's rectification notice: facts → template → Markdown → document. Internal
/// (it goes to the department only): personal data stays unless the settings mask everything.
///
/// The periods run from receipt (Art. 30: "自收到…之日起"), and the store knows no date of
/// service, so the notice prints the periods, not dates counted from its own date.
public enum NoticeDocument {
    public static func make(_ facts: NoticeFacts, templates: ReportTemplates, calendar: WorkingDayCalendar,
                            periods: RectificationPeriods) throws(PingchaError) -> OfficialDocument {
        let settings = templates.settings
        let issued = settings.date ?? facts.ranOn
        let audience = Audience(internalWith: settings)
        // The attachment's parts are numbered as they occur: 不符合项, 待核实事项, 细则及依据.
        let hasFailures = !facts.items.isEmpty || facts.failedFindings > 0
        let hasPending = facts.pendingItemsTotal > 0
        let numerals = ["（一）", "（二）", "（三）"]
        let pendingPart = hasFailures ? 1 : 0
        let rulesPart = pendingPart + (hasPending ? 1 : 0)
        let values: [String: Any] = ([
            "organisation": settings.organisation,
            "documentNumber": settings.documentNumber ?? "",
            "dateText": issued.chineseText,
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
            "hasFailures": hasFailures,
            "hasPending": hasPending,
            "pendingNumeral": numerals[pendingPart],
            "rulesNumeral": numerals[rulesPart],
            "pendingTable": "表\(pendingPart + 1)",
            "rulesTable": "表\(rulesPart + 1)",
            "pendingCases": String(facts.pendingCases),
            "pendingItemsTotal": String(facts.pendingItemsTotal),
            "listedPendingCases": String(facts.listedPendingCases),
            "pendingTruncated": facts.listedPendingCases < facts.pendingCases,
            "items": marked(facts.items.enumerated().map { n, item in
                CaseNumberLines.templateValues(audience.text(item.caseId)).merging([
                    "number": String(n + 1),
                    "rule": item.rule,
                    "finding": audience.text(item.finding, partyName: item.partyName, partyType: item.partyType),
                    "deduct": DecimalNumber(item.deduct).map { $0 == .zero ? false : $0.description as Any } ?? item.deduct,
                    "disposition": item.disposition,
                    "veto": item.veto,
                ] as [String: Any]) { $1 }
            }),
            "pendingCaseRows": marked(pendingRows(facts.pendingItems).map { caseId, items in
                CaseNumberLines.templateValues(audience.text(caseId)).merging([
                    "checks": marked(sameChecks(items).map { codes, check, item in
                        ["code": codes, "check": audience.text(check, partyName: item.partyName, partyType: item.partyType)]
                    }),
                ] as [String: Any]) { $1 }
            }),
            "hasRules": !facts.rules.isEmpty,
            "rules": marked(facts.rules.map { ["rule": $0.rule, "basis": $0.basis] }),
        ] as [String: Any]).merging(periods.values(issued: issued, calendar: calendar)) { a, _ in a }
        return try templates.document("notice", values)
    }

    /// The pending items one row per case, in the order the cases first appear.
    static func pendingRows(_ items: [PendingItem]) -> [(caseId: String, items: [PendingItem])] {
        var rows: [(caseId: String, items: [PendingItem])] = []
        var index: [String: Int] = [:]
        for item in items {
            if let i = index[item.caseId] {
                rows[i].items.append(item)
            } else {
                index[item.caseId] = rows.count
                rows.append((item.caseId, [item]))
            }
        }
        return rows
    }

    /// A case's pending items with the same thing to check as one line: "处罚（普通）TSY-01、
    /// 处罚（普通）TSY-02：材料未载明：公示日期" (publicity and its deadline read the same fields).
    static func sameChecks(_ items: [PendingItem]) -> [(codes: String, check: String, first: PendingItem)] {
        var lines: [(codes: [String], check: String, first: PendingItem)] = []
        for item in items {
            if let i = lines.firstIndex(where: { $0.check == item.check }) {
                if !lines[i].codes.contains(item.code) { lines[i].codes.append(item.code) }
            } else {
                lines.append(([item.code], item.check, item))
            }
        }
        return lines.map { ($0.codes.joined(separator: "、"), $0.check, $0.first) }
    }
}
