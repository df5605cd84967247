import PingchaDocuments
import PingchaModel

/// The annual statistics as an official document: the `stats` template's wording around the
/// tables written here from ``StatsFacts``.
public enum StatsDocument {
    /// The document dated `date` (the document date, `--date`).
    public static func make(_ facts: StatsFacts, templates: ReportTemplates, date: CivilDate) throws(PingchaError) -> OfficialDocument {
        try templates.document("stats", view(facts, organisation: templates.settings.organisation, date: date))
    }

    /// The template's values (reports/templates/README.md, **stats**).
    public static func view(_ facts: StatsFacts, organisation: String, date: CivilDate) -> [String: Any] {
        var number = 1
        func next() -> String { number += 1; return String(number) }
        let bodyTables = facts.bodyTables.enumerated().map { item -> [String: Any] in
            ["numeral": Figures.chineseNumeral(item.offset + 1), "title": item.element.title,
             "tableNumber": next(), "table": bodyTable(item.element).joined(separator: "\n"),
             "definitions": item.element.definitions]
        }
        let departments = facts.departments.enumerated().map { item -> [String: Any] in
            ["numeral": Figures.chineseNumeral(item.offset + 1), "name": item.element.name, "tableNumber": next(),
             "table": longTable(item.element.lines, facts: facts).joined(separator: "\n")]
        }
        var view: [String: Any] = [
            "organisation": organisation,
            "dateText": date.chineseText,
            "year": String(facts.year),
            "comparedYear": facts.comparedYear.map(String.init) ?? "",
            "hasComparison": facts.comparedYear != nil,
            "notes": facts.notes,
            "totalTable": longTable(facts.total, facts: facts).joined(separator: "\n"),
            "hasBodyTables": !bodyTables.isEmpty,
            "bodyTables": bodyTables,
            "hasDepartments": !departments.isEmpty,
            "departments": departments,
        ]
        view["hasSummary"] = facts.summary != nil
        if let summary = facts.summary { view.merge(summaryView(summary)) { $1 } }
        return view
    }

    /// The 情况说明's values; lists carry `last` for the separators.
    static func summaryView(_ s: StatsFacts.Summary) -> [String: Any] {
        func marked<T>(_ items: [T], _ make: (T) -> [String: Any]) -> [[String: Any]] {
            items.enumerated().map { i, item in make(item).merging(["last": i == items.count - 1]) { $1 } }
        }
        return [
            "decisions": String(s.decisions),
            "byType": marked(s.byType) { ["name": $0.name, "count": String($0.count)] },
            "penalties": String(s.penalties),
            "forfeitures": s.forfeitures,
            "hasChanges": !s.changes.isEmpty,
            "changes": marked(s.changes) { c in
                var item: [String: Any] = ["name": c.name, "current": c.current, "previous": c.previous]
                if let d = c.difference { item["difference"] = d }
                return item
            },
            "hasUnreviewed": !s.unreviewed.isEmpty,
            "unreviewed": marked(s.unreviewed) { ["body": $0.body, "major": String($0.first), "reviewed": String($0.second)] },
            "hasCorrected": !s.corrected.isEmpty,
            "corrected": marked(s.corrected) { ["body": $0.body, "reconsideration": String($0.first), "litigation": String($0.second)] },
            "hasInactive": !s.inactive.isEmpty,
            "inactive": s.inactive.joined(separator: "、"),
            "hasGaps": !s.gaps.isEmpty,
            "gaps": marked(s.gaps) { ["item": $0.item, "missing": String($0.missing), "of": String($0.of)] },
            "hasStaff": s.staff != nil,
            "staff": s.staff.map { t -> [String: Any] in
                ["listed": String(t.listed), "certified": String(t.certified), "certificationRate": t.certificationRate,
                 "minimumHours": t.minimumHours, "trained": String(t.trained), "trainingRate": t.trainingRate,
                 "hasUncertified": !t.uncertifiedBodies.isEmpty, "uncertifiedBodies": t.uncertifiedBodies.joined(separator: "、"),
                 "hasLowTraining": !t.lowTraining.isEmpty, "lowTrainingPercent": t.lowTrainingPercent,
                 "lowTraining": marked(t.lowTraining) { ["body": $0.body, "rate": $0.rate] }]
            } ?? [:],
            "hasInspections": s.inspections != nil,
            "inspections": s.inspections.map { i -> [String: Any] in
                var v: [String: Any] = ["count": String(i.count)]
                if i.incomplete > 0 { v["incomplete"] = String(i.incomplete) }
                if i.outsidePeriod > 0 { v["outsidePeriod"] = String(i.outsidePeriod) }
                return v
            } ?? [:],
        ]
    }

    /// A long table: 项目, this year, and the compared year in a column named by its year.
    static func longTable(_ lines: [StatsFacts.Line], facts: StatsFacts) -> [String] {
        let compared = facts.comparedYear.map { "\($0)年" }
        var out = ["| 项目 | \(facts.year)年 |" + (compared.map { " \($0) |" } ?? ""),
                   "|---|---:|" + (compared == nil ? "" : "---:|")]
        for line in lines {
            switch line {
            case .section(let title):
                out.append("| **\(title)** | |" + (compared == nil ? "" : " |"))
            case .figure(let name, let current, let previous):
                out.append("| \(name) | \(current) |" + (compared == nil ? "" : " \(previous ?? "—") |"))
            }
        }
        return out
    }

    /// A table of every body: 执法主体, the columns, a 合计 row in bold.
    static func bodyTable(_ table: StatsFacts.BodyTable) -> [String] {
        var out = ["| 执法主体 | " + table.columns.joined(separator: " | ") + " |",
                   "|---|" + String(repeating: "---:|", count: table.columns.count)]
        for row in table.rows {
            out.append("| \(row.body) | " + row.values.joined(separator: " | ") + " |")
        }
        out.append("| **合计** | " + table.total.map { "**\($0)**" }.joined(separator: " | ") + " |")
        return out
    }
}
