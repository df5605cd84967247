import PingchaDocuments
import PingchaModel
import PingchaReports
import PingchaRubric
import PingchaStore

/// `followup.html`: the status in words and tables (`followup-status.md.mustache`), and a
/// timeline per department drawn as bars (the project's own bar chart: each bar one recorded
/// step or a last day, its length the days since the department's first step), so that the
/// page is self-contained and prints on A4 like the other reports.
struct FollowupStatusHTML {
    let status: FollowupStatus
    let events: [FollowupRegister.Event]
    let periods: FollowupPeriods
    let templates: ReportTemplates

    /// One step of a department's timeline: a date, what happened or falls due, how many items.
    struct Step: Equatable {
        var date: CivilDate
        var what: String
        var items: Int
    }

    static func eventWords(_ e: FollowupRegister.Event) -> String {
        switch e.event {
        case .served: return "送达" + (e.document.map { String($0.chineseName.dropFirst(4)) } ?? "文书")
        case .reexamDecided: return "复查决定（\(e.outcome?.rawValue ?? "")）"
        default: return e.event.rawValue
        }
    }

    /// The department's steps up to the status day, in date order: events (one step per date
    /// and kind, with the items they concern) and the last days of the periods still running.
    func steps(_ department: String) -> [Step] {
        let rows = status.rows.filter { $0.item.department == department }
        var steps: [Step] = []
        func add(_ date: CivilDate, _ what: String, _ n: Int) {
            if let i = steps.firstIndex(where: { $0.date == date && $0.what == what }) { steps[i].items += n } else { steps.append(Step(date: date, what: what, items: n)) }
        }
        for e in events where e.department == department && e.date <= status.asOf {
            add(e.date, Self.eventWords(e), rows.filter { e.concerns($0.item) }.count)
        }
        for r in rows {
            guard let due = r.state.due, let running = r.state.running else { continue }
            add(due, periods[running].title + "期限届满" + (r.level == .none ? "" : "（\(r.level.rawValue)）"), 1)
        }
        return steps.sorted { ($0.date, $0.what) < ($1.date, $1.what) }
    }

    func document() throws(PingchaError) -> OfficialDocument {
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六",
                        "十七", "十八", "十九", "二十"]
        func numeral(_ i: Int) -> String { i < numerals.count ? numerals[i] : String(i + 1) }
        let lines = status.departments
        var charts: [String: Chart] = [:]
        var timelines: [[String: Any]] = []
        for d in lines {
            let steps = steps(d.department)
            guard let first = steps.first?.date else { continue }
            let name = "timeline\(timelines.count + 1)"
            charts[name] = .bars(BarChart(title: "\(d.department)整改进程（自\(first.chineseText)起的日数）", bars: steps.map { s in
                let c = s.date.components
                let days = Int(s.date.dayNumber - first.dayNumber)
                return BarChart.Bar(label: "\(c.month)月\(c.day)日 \(s.what)", value: Double(days), caption: "第\(days)日，\(s.items)项")
            }))
            timelines.append([
                "numeral": numeral(timelines.count), "name": d.department, "chart": name,
                "steps": steps.map { "\($0.date.chineseText)：\($0.what)，\($0.items)项" },
            ])
        }
        let article38 = lines.filter { $0.article38 > 0 }
        let view: [String: Any] = [
            "organisation": templates.settings.organisation,
            "dateText": status.asOf.chineseText,
            "asOfText": status.asOf.chineseText,
            "batchName": status.batch,
            "departmentCount": String(lines.count),
            "caseCount": String(lines.map(\.cases).reduce(0, +)),
            "itemCount": String(status.rows.count),
            "open": String(lines.map(\.open).reduce(0, +)),
            "yellow": String(lines.map(\.yellow).reduce(0, +)),
            "red": String(lines.map(\.red).reduce(0, +)),
            "article38": String(lines.map(\.article38).reduce(0, +)),
            "departments": lines.map { d -> [String: Any] in
                ["name": d.department, "cases": String(d.cases), "items": String(d.items),
                 "corrected": String((d.stages[.corrected] ?? 0) + (d.stages[.executed] ?? 0)),
                 "partly": String(d.stages[.partlyCorrected] ?? 0), "notCorrected": String(d.stages[.notCorrected] ?? 0),
                 "open": String(d.open), "yellow": String(d.yellow), "red": String(d.red), "article38": String(d.article38)]
            },
            "hasArticle38": !article38.isEmpty,
            "article38List": article38.enumerated().map { i, d -> [String: Any] in
                ["name": d.department, "count": String(d.article38), "last": i == article38.count - 1]
            },
            "timelineNumeral": article38.isEmpty ? "二" : "三",
            "timelines": timelines,
        ]
        return try templates.document("followup-status", view, charts: charts)
    }
}
