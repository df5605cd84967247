import PingchaDocuments
import PingchaModel

/// The bulletin's facts as the template sees them: every figure already formatted the way
/// the bulletin prints it (rounded here, once, and the same string in the text, the tables and
/// the charts), personal data already masked for publication.
struct BulletinView {
    let facts: BulletinFacts
    let settings: ReportSettings
    /// The document's date (the periods run from receipt, stated with their last days from it).
    let issued: CivilDate
    /// The periods' template values (``RectificationPeriods/values(issued:calendar:)``).
    let periodValues: [String: Any]
    /// Put where the contact goes and replaced after the masking pass (``BulletinDocument``).
    var contactPlaceholder = "\u{E000}联系人\u{E001}"

    var audience: Audience { Audience(publishedWith: settings) }
    var content: BulletinContent { settings.content }
    /// Only a sample makes a rate an estimate with an interval.
    var sampled: Bool { content.method == .sample }

    func values() -> [String: Any] {
        let f = facts
        let topGrade = f.grades.first?.name ?? "优秀"
        let lowestGrade = f.grades.last?.name ?? "不合格"
        let graded = f.grades.reduce(0) { $0 + $1.count }
        let ranked = f.departments.filter { $0.rank != nil }.count
        let typical = typicalCases()
        return ([
            "organisation": settings.organisation,
            "documentNumber": settings.documentNumber ?? "",
            "recipients": settings.recipients,
            "dateText": issued.chineseText,
            "batchName": f.batchName,
            "preliminary": f.isPreliminary,
            "pendingCases": nonZero(f.needsReview),
            "departmentCount": String(f.departments.count),
            "rankedCount": String(ranked),
            "inputFiles": String(f.inputFiles),
            "rowsRead": String(f.rowsRead),
            "rowsRejected": nonZero(f.rowsRejected),
            "casesTotal": String(f.casesTotal),
            "casesScored": String(f.casesScored),
            "casesUncovered": nonZero(f.casesUncovered),
            "needsReview": nonZero(f.needsReview),
            "reviewedByHand": nonZero(f.reviewedByHand),
            // Scored cases no reviewer's scoresheet speaks of: their 评查员判定 rules are undecided
            // and deduct nothing, which the text says rather than let their grade read as whole.
            "manualNotJudged": nonZero(max(0, f.casesScored - f.reviewedByHand)),
            "byType": marked(f.byType.map { ["name": $0.name, "count": String($0.count)] }),
            "rubrics": marked(f.rubrics.map { ["id": $0.id, "title": $0.title, "version": $0.version] }),
            "profiles": marked(f.profiles.filter { !$0.departments.isEmpty }.map {
                ["title": $0.title, "departments": $0.departments.joined(separator: "、"), "changes": $0.changes.joined(separator: "；")]
            }),
            "reviewPeriod": content.period ?? false,
            "reviewTeam": content.team ?? false,
            "census": !sampled,
            "sampled": sampled,
            "reviewSteps": content.steps.isEmpty ? false : content.steps.joined(separator: "、"),
            "mean": Figures.oneDecimal(f.mean),
            "median": Figures.oneDecimal(f.median),
            "grades": marked(f.grades.map { ["grade": $0.name, "count": String($0.count), "share": Figures.share($0.count, of: graded)] }),
            "minimumCasesForRank": String(f.minimumCasesForRank),
            "departments": marked(f.departments.map(department)),
            "allPendingDepartments": f.departments.contains(where: \.allPending)
                ? f.departments.filter(\.allPending).map { audience.text($0.name) }.joined(separator: "、") : false,
            "threeSystems": marked(f.threeSystems.map {
                ["name": $0.name, "title": $0.title, "rate": Figures.percent($0.rate), "applicable": String($0.applicable),
                 "met": String($0.met), "notMet": String($0.notMet), "unknown": nonZero($0.unknown), "known": String($0.known)]
            }),
            "hasGoodPractices": !content.goodPractices.isEmpty,
            "goodPractices": marked(content.goodPractices.map { ["text": $0] }),
            "hasRectification": f.previousRectification != nil,
            "previousBatch": f.previousRectification?.batchName ?? "",
            "rectificationNumeral": content.goodPractices.isEmpty ? "四" : "五",
            "rectification": marked((f.previousRectification?.rows ?? []).map { r in
                let parts = [("已整改", r.corrected), ("部分整改", r.partly), ("未整改", r.notCorrected), ("复查中", r.reexamination),
                             ("经复查撤销", r.revoked), ("仍在办理", r.open)].filter { $0.1 > 0 }.map { "\($0.0)\($0.1)项" }
                var row: [String: Any] = ["department": r.department, "items": String(r.items), "outcome": parts.joined(separator: "，")]
                if let p = r.problems {
                    row["problems"] = ["fixed": String(p.fixed), "persisting": String(p.persisting), "new": String(p.new)]
                }
                return row
            }),
            "topGrade": topGrade,
            "lowestGrade": lowestGrade,
            "hasExcellent": f.excellentTotal > 0,
            "excellentTotal": String(f.excellentTotal),
            "excellentDecided": String(f.excellentDecided),
            "excellentPending": nonZero(f.excellentTotal - f.excellentDecided),
            "excellentListed": String(f.excellentCases.count),
            "listsExcellent": !f.excellentCases.isEmpty,
            "excellentTruncated": f.excellentCases.count < f.excellentDecided,
            "excellentCases": marked(f.excellentCases.enumerated().map { listed($0.element, number: $0.offset + 1) }),
            "hasUnqualified": f.unqualifiedTotal > 0,
            "unqualifiedTotal": String(f.unqualifiedTotal),
            "unqualifiedDecided": String(f.unqualifiedDecided),
            "unqualifiedPending": nonZero(f.unqualifiedTotal - f.unqualifiedDecided),
            "unqualifiedListed": String(f.unqualifiedCases.count),
            "listsUnqualified": !f.unqualifiedCases.isEmpty,
            "unqualifiedTruncated": f.unqualifiedCases.count < f.unqualifiedDecided,
            "unqualifiedCases": marked(f.unqualifiedCases.enumerated().map { listed($0.element, number: $0.offset + 1) }),
            "problems": marked(f.problems.enumerated().map { problem($0.element, number: $0.offset + 1) }),
            "hasTypicalCases": !typical.isEmpty,
            "typicalCasesNumeral": Figures.chineseNumeral(f.problems.count + 1),
            "typicalCases": marked(typical.enumerated().map { ["number": String($0.offset + 1), "text": $0.element] }),
            "hasDispositions": !f.dispositions.isEmpty,
            "dispositions": marked(f.dispositions.map { ["name": $0.name, "count": String($0.count)] }),
            "hasNextSteps": !content.nextSteps.isEmpty,
            "nextSteps": marked(content.nextSteps.map { ["text": $0] }),
            "contact": content.contact == nil ? false : contactPlaceholder,
        ] as [String: Any]).merging(periodValues) { a, _ in a }
    }

    private func department(_ d: BulletinFacts.DepartmentLine) -> [String: Any] {
        [
            "rank": d.rank.map(String.init) ?? "不排名",
            "name": audience.text(d.name),
            "cases": String(d.cases),
            "scored": String(d.scored),
            "mean": Figures.oneDecimal(d.mean),
            "passRate": Figures.percent(d.passRate),
            "passInterval": d.passInterval.map { "\(Figures.percent($0.lowerBound))–\(Figures.percent($0.upperBound))" } ?? "—",
            "passIntervalShort": d.passInterval.map { "\(Figures.oneDecimal($0.lowerBound * 100))–\(Figures.oneDecimal($0.upperBound * 100))" } ?? "—",
            "excellentRate": Figures.percent(d.excellentRate),
            "vetoCases": String(d.vetoCases),
        ]
    }

    private func listed(_ c: ListedCase, number: Int) -> [String: Any] {
        CaseNumberLines.templateValues(audience.text(c.caseId)).merging([
            "number": String(number),
            "department": audience.text(c.department),
            "cause": c.cause.map { audience.text($0, partyName: c.partyName, partyType: c.partyType) } ?? "—",
            "party": audience.party(c.partyName, type: c.partyType) ?? "—",
            "score": c.score.map(\.description) ?? "—",
            "grade": c.grade ?? "",
            "reasons": c.reasons.isEmpty ? "—" : c.reasons.map { audience.text($0, partyName: c.partyName, partyType: c.partyType) }
                .joined(separator: "；"),
        ]) { $1 }
    }

    private func problem(_ p: BulletinFacts.ProblemLine, number: Int) -> [String: Any] {
        [
            "numeral": Figures.chineseNumeral(number),
            "problem": p.problem,
            "findings": String(p.findings),
            "cases": String(p.cases),
            "shareOfCases": Figures.percent(p.shareOfCases),
            "rules": marked(p.rules.enumerated().map { r in
                let examples = r.element.examples.map { audience.text($0.department + $0.caseId) }
                return [
                    "number": String(r.offset + 1),
                    "requirement": r.element.requirement,
                    "failed": String(r.element.failed),
                    "applicable": r.element.judged.map(String.init) ?? false,
                    "undecided": nonZero(r.element.undecided),
                    "rate": Figures.percent(r.element.rate),
                    "examples": examples.isEmpty ? false : examples.joined(separator: "、"),
                ] as [String: Any]
            }),
        ]
    }

    /// The typical cases in order: the settings' paragraphs as written, a marked case with its
    /// facts and the review group's note.
    func typicalCases() -> [String] {
        var marked = facts.typicalCases.makeIterator()
        return content.typicalCases.compactMap { item in
            guard item.isMarkedCase else { return item.text }
            guard let line = marked.next() else { return nil }
            let c = line.listed
            var text = "\(audience.text(c.department))办理的\(audience.text(c.caseId))"
            if let cause = c.cause { text += "（\(audience.text(cause, partyName: c.partyName, partyType: c.partyType))）" }
            if let score = c.score { text += "，评查得分\(score)分" }
            if let grade = c.grade { text += "，等次为“\(grade)”" }
            if !c.reasons.isEmpty {
                text += "，主要问题：" + c.reasons.map { audience.text($0, partyName: c.partyName, partyType: c.partyType) }.joined(separator: "；")
            }
            text += "。"
            if let note = line.note { text += note }
            return text
        }
    }

    /// Charts the template can place with `<!-- chart: NAME -->`. Captions are the strings the
    /// text and tables print. Intervals are drawn only for a sample (a census has none).
    func charts() -> [String: Chart] {
        let f = facts
        let graded = f.grades.reduce(0) { $0 + $1.count }
        var charts: [String: Chart] = [:]
        charts["grades"] = .bars(BarChart(title: "评查等次分布（件）", bars: f.grades.map {
            BarChart.Bar(label: $0.name, value: Double($0.count), caption: "\($0.count)（\(Figures.share($0.count, of: graded))）")
        }))
        let scored = f.departments.filter { $0.mean != nil }
        let lowest = scored.compactMap { (sampled ? $0.meanInterval?.lowerBound : nil) ?? $0.mean }.min() ?? 0
        charts["department-scores"] = .intervals(IntervalChart(
            title: sampled ? "各行政执法主体平均分及其 95% 置信区间" : "各行政执法主体平均分",
            points: scored.map { d in
                let m = d.mean ?? 0
                let interval = sampled ? d.meanInterval : nil
                return IntervalChart.Point(label: audience.text(d.name), value: m, low: interval?.lowerBound ?? m,
                                           high: interval?.upperBound ?? m, caption: Figures.oneDecimal(m))
            },
            axisMinimum: max(0, (lowest / 10).rounded(.down) * 10), axisMaximum: 100, reference: f.mean,
            // Named and in the text's one decimal: a bare dashed "93.02" said neither what it was nor matched the text.
            referenceLabel: f.mean.map { "全部评分案卷平均 " + Figures.oneDecimal($0) }))
        let rated = f.departments.filter { $0.passRate != nil }
        charts["department-pass-rates"] = .intervals(IntervalChart(
            title: sampled ? "各行政执法主体合格率及其 95% 置信区间（%）" : "各行政执法主体合格率（%）",
            points: rated.map { d in
                let r = (d.passRate ?? 0) * 100
                let interval = sampled ? d.passInterval : nil
                return IntervalChart.Point(label: audience.text(d.name), value: r, low: interval.map { $0.lowerBound * 100 } ?? r,
                                           high: interval.map { $0.upperBound * 100 } ?? r, caption: Figures.percent(d.passRate))
            },
            axisMinimum: 0, axisMaximum: 100))
        // The problem groups of 五、存在的主要问题 (the rules' `problem` labels, merged across
        // standards) in the text's order: the chart and the headings name the same groups,
        // where rubric categories would repeat a title (执法全过程记录 in two standards).
        charts["categories"] = .bars(BarChart(title: "各类问题数（项，括号内为涉及案卷数）", bars: f.problems.map {
            BarChart.Bar(label: $0.problem, value: Double($0.findings), caption: "\($0.findings)项（\($0.cases)件）")
        }))
        return charts
    }

    private func nonZero(_ n: Int) -> Any { n == 0 ? false : String(n) }
}

/// Marks the last element of a list so templates can write separators (`{{^last}}、{{/last}}`).
func marked(_ items: [[String: Any]]) -> [[String: Any]] {
    var out = items
    for i in out.indices { out[i]["last"] = i == out.count - 1 }
    return out
}
