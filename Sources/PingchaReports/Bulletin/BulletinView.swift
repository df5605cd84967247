import PingchaDocuments
import PingchaModel

/// The bulletin's facts as the template sees them: every figure already formatted the way
/// the bulletin prints it, personal data already masked for publication.
struct BulletinView {
    let facts: BulletinFacts
    let settings: ReportSettings
    let deadlines: RectificationDeadlines

    var audience: Audience { Audience(publishedWith: settings) }

    func values() -> [String: Any] {
        let f = facts
        let topGrade = f.grades.first?.name ?? "优秀"
        let lowestGrade = f.grades.last?.name ?? "不合格"
        let graded = f.grades.reduce(0) { $0 + $1.count }
        let ranked = f.departments.filter { $0.rank != nil }.count
        return [
            "organisation": settings.organisation,
            "documentNumber": settings.documentNumber ?? "",
            "recipients": settings.recipients,
            "dateText": deadlines.issued.chineseText,
            "batchName": f.batchName,
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
            "byType": marked(f.byType.map { ["name": $0.name, "count": String($0.count)] }),
            "rubrics": marked(f.rubrics.map { ["id": $0.id, "title": $0.title, "version": $0.version] }),
            "profiles": marked(f.profiles.filter { !$0.departments.isEmpty }.map {
                ["title": $0.title, "departments": $0.departments.joined(separator: "、"), "changes": $0.changes.joined(separator: "；")]
            }),
            "mean": Figures.oneDecimal(f.mean),
            "median": Figures.oneDecimal(f.median),
            "grades": marked(f.grades.map { ["grade": $0.name, "count": String($0.count), "share": Figures.share($0.count, of: graded)] }),
            "minimumCasesForRank": String(f.minimumCasesForRank),
            "departments": marked(f.departments.map(department)),
            "threeSystems": marked(f.threeSystems.map {
                ["name": $0.name, "rate": Figures.percent($0.rate), "applicable": String($0.applicable), "met": String($0.met),
                 "unknown": nonZero($0.unknown)]
            }),
            "topGrade": topGrade,
            "lowestGrade": lowestGrade,
            "hasExcellent": f.excellentTotal > 0,
            "excellentTotal": String(f.excellentTotal),
            "excellentListed": String(f.excellentCases.count),
            "excellentTruncated": f.excellentCases.count < f.excellentTotal,
            "excellentCases": marked(f.excellentCases.enumerated().map { listed($0.element, number: $0.offset + 1) }),
            "hasUnqualified": f.unqualifiedTotal > 0,
            "unqualifiedTotal": String(f.unqualifiedTotal),
            "unqualifiedListed": String(f.unqualifiedCases.count),
            "unqualifiedTruncated": f.unqualifiedCases.count < f.unqualifiedTotal,
            "unqualifiedCases": marked(f.unqualifiedCases.enumerated().map { listed($0.element, number: $0.offset + 1) }),
            "problems": marked(f.problems.enumerated().map { problem($0.element, number: $0.offset + 1) }),
            "correctionDeadline": deadlines.correction.chineseText,
            "objectionDeadline": deadlines.objection.chineseText,
            "hasDispositions": !f.dispositions.isEmpty,
            "dispositions": marked(f.dispositions.map { ["name": $0.name, "count": String($0.count)] }),
        ]
    }

    private func department(_ d: BulletinFacts.DepartmentLine) -> [String: Any] {
        [
            "rank": d.rank.map(String.init) ?? "不排名",
            "name": audience.text(d.name),
            "cases": String(d.cases),
            "mean": Figures.oneDecimal(d.mean),
            "passRate": Figures.percent(d.passRate),
            "passInterval": d.passInterval.map { "\(Figures.percent($0.lowerBound))–\(Figures.percent($0.upperBound))" } ?? "—",
            "passIntervalShort": d.passInterval.map { "\(Figures.oneDecimal($0.lowerBound * 100))–\(Figures.oneDecimal($0.upperBound * 100))" } ?? "—",
            "excellentRate": Figures.percent(d.excellentRate),
            "vetoCases": String(d.vetoCases),
        ]
    }

    private func listed(_ c: ListedCase, number: Int) -> [String: Any] {
        [
            "number": String(number),
            "department": audience.text(c.department),
            "caseId": audience.text(c.caseId),
            "cause": c.cause.map { audience.text($0, partyName: c.partyName, partyType: c.partyType) } ?? "—",
            "party": audience.party(c.partyName, type: c.partyType) ?? "—",
            "score": c.score.map(\.description) ?? "—",
            "grade": c.grade ?? "",
            "reasons": c.reasons.isEmpty ? "—" : c.reasons.map { audience.text($0, partyName: c.partyName, partyType: c.partyType) }
                .joined(separator: "；"),
        ]
    }

    private func problem(_ p: BulletinFacts.ProblemLine, number: Int) -> [String: Any] {
        [
            "numeral": Figures.chineseNumeral(number),
            "problem": p.problem,
            "findings": String(p.findings),
            "cases": String(p.cases),
            "shareOfCases": Figures.percent(p.shareOfCases),
            "rules": marked(p.rules.enumerated().map { r in
                [
                    "number": String(r.offset + 1),
                    "ruleId": r.element.ruleId,
                    "title": r.element.title,
                    "failed": String(r.element.failed),
                    "rate": Figures.percent(r.element.rate),
                    "examples": r.element.examples.map { audience.text($0) }.joined(separator: "、"),
                ] as [String: Any]
            }),
        ]
    }

    /// Charts the template can place with `<!-- chart: NAME -->`.
    func charts() -> [String: Chart] {
        let f = facts
        let graded = f.grades.reduce(0) { $0 + $1.count }
        var charts: [String: Chart] = [:]
        charts["grades"] = .bars(BarChart(title: "评查等次分布（件）", bars: f.grades.map {
            BarChart.Bar(label: $0.name, value: Double($0.count), caption: "\($0.count)（\(Figures.share($0.count, of: graded))）")
        }))
        let scored = f.departments.filter { $0.mean != nil }
        let lowest = scored.compactMap { $0.meanInterval?.lowerBound ?? $0.mean }.min() ?? 0
        charts["department-scores"] = .intervals(IntervalChart(
            title: "各行政执法主体平均分及其 95% 置信区间",
            points: scored.map { d in
                let m = d.mean ?? 0
                return IntervalChart.Point(label: audience.text(d.name), value: m, low: d.meanInterval?.lowerBound ?? m,
                                           high: d.meanInterval?.upperBound ?? m, caption: Figures.oneDecimal(m))
            },
            axisMinimum: max(0, (lowest / 10).rounded(.down) * 10), axisMaximum: 100, reference: f.mean))
        let rated = f.departments.filter { $0.passRate != nil }
        charts["department-pass-rates"] = .intervals(IntervalChart(
            title: "各行政执法主体合格率及其 95% 置信区间（%）",
            points: rated.map { d in
                let r = (d.passRate ?? 0) * 100
                return IntervalChart.Point(label: audience.text(d.name), value: r, low: (d.passInterval?.lowerBound ?? 0) * 100,
                                           high: (d.passInterval?.upperBound ?? 0) * 100, caption: Figures.percent(d.passRate))
            },
            axisMinimum: 0, axisMaximum: 100))
        charts["categories"] = .bars(BarChart(title: "各类别扣分", bars: f.categories.map {
            BarChart.Bar(label: $0.title, value: $0.pointsLost.doubleValue, caption: "\($0.pointsLost)分（\(Figures.percent($0.share))）")
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
