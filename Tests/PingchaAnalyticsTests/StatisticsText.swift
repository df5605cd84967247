import PingchaAnalytics

/// The statistics' lines as text, `| 项目 | 125（上年 118） |`, so that the tests can state
/// each figure of a table in one line. The report's own layout (a column per year) is
/// PingchaReports' `StatsDocument`, tested there; here only the figures matter.
enum StatisticsText {
    static func table(_ current: AnnualFigures, previous: AnnualFigures?, label: String?) -> [String] {
        var lines = ["| 项目 | 数值 |", "|---|---|"]
        for line in AnnualStatistics.lines(current, previous: previous) {
            switch line {
            case .section(let title):
                lines.append("| **\(title)** | |")
            case .figure(let name, let now, let before):
                lines.append("| \(name) | \(now.text)" + (before.map { "（\(label ?? "上年") \($0.text)）" } ?? "") + " |")
            }
        }
        return lines
    }

    /// Title, notes, the 合计 table and one table per department of either year.
    static func document(_ stats: AnnualStatistics, previous: AnnualStatistics? = nil) -> String {
        let label = stats.previousLabel(previous)
        var lines = ["# \(stats.year)年度行政执法统计", ""]
        lines += stats.notes(previous: previous, label: label).map { "- " + $0 }
        lines += ["", "## 合计", ""]
        lines += table(stats.total, previous: previous?.total, label: label)
        let names = Set(stats.departments.compactMap(\.department)).union(previous?.departments.compactMap(\.department) ?? [])
        if !names.isEmpty {
            lines += ["", "## 各部门"]
            for name in names.sorted() {
                lines += ["", "### \(name)", ""]
                lines += table(stats.figures(for: name) ?? AnnualFigures(department: name),
                               previous: previous.map { $0.figures(for: name) ?? AnnualFigures(department: name) }, label: label)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
