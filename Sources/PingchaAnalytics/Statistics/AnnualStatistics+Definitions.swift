import PingchaModel

/// What the statistics count, in words: printed under 统计口径 so that the tables can be read
/// without this code. Rendering the tables is the report's (PingchaReports `StatsDocument`).
extension AnnualStatistics {
    /// The label of the earlier figures: 上年, or the year when it is not the one before.
    public func previousLabel(_ previous: AnnualStatistics?) -> String? {
        previous.map { $0.year == year - 1 ? "上年" : "\($0.year)年" }
    }

    /// The scope and counting rules, so the table can be read without this code.
    public func notes(previous: AnnualStatistics?, label: String?) -> [String] {
        var scope = "统计范围：决定日期在\(Self.text(period.start))至\(Self.text(period.cutoff, after: period.start))之间的案件，共\(total.cases)件；"
        if carriedOver > 0 { scope += "其中\(year - 1)年报告数据截止日期之后作出、在本报告补报的\(carriedOver)件；" }
        scope += "决定日期在其他年度的\(otherYears)件不计入；"
        if afterCutoff > 0 {
            scope += "决定日期在数据截止日期之后的\(afterCutoff)件不计入本报告，计入下一年度报告（补报）；"
        }
        scope += "无决定日期的\(total.undated)件单列，不计入本年度各项数字。"
        var notes = [scope]
        let order = PenaltyKind.tableOrder.filter { $0 != .other }.map(\.title).joined(separator: "、")
        notes.append("行政处罚一个决定计一宗；同一决定并处多种处罚的，只按其中最重的一种计入一次（由轻到重：\(order)）。")
        notes.append("金额以万元为单位，由精确合计四舍五入保留两位小数；没收金额只计已量化的。")
        notes.append("比率写作“符合数/可判断数”；无法判断的案件单列，不计入分母。")
        notes.append("执法时效和三项制度各项取自评查结果：由评查标准中计入该项的细则判定，"
            + "细则符合的计为按期（做到），不符合的计为逾期（未做到），因日期等缺失无法判断的单列，细则不适用的案件不计入该项；"
            + "期限中的工作日按工作日历\(calendarVersion)计算（调休上班日计入，法定节假日不计入）。")
        notes += Self.remedyDefinitions
        if let previous, let label {
            notes.append(label == "上年"
                ? "“\(previous.year)年”列为上年数字，供对比。"
                : "“\(previous.year)年”列为\(previous.year)年数字（本年度之前最近一个保存的年度），供对比。")
        }
        return notes
    }

    /// The period and its cut-off in words, for a report whose data was read on `dataDate`
    /// (`source` says how that date was set: 本批次数据导入之日 …).
    public func periodNote(dataDate: CivilDate, source: String) -> String {
        var text = "统计期间：\(Self.text(period.start))至\(Self.text(period.cutoff))；数据截止日期\(Self.text(period.cutoff))"
        if dataDate == period.cutoff {
            text += "（\(source)）"
        } else {
            text += "（\(source)为\(Self.text(dataDate))，晚于年末，按12月31日）"
        }
        if period.cutoff < CivilDate(year: year, month: 12, day: 31)! {
            text += "；数据截止日期之后至12月31日作出的决定计入下一年度报告（补报）"
        }
        return text + "。"
    }

    /// 2025年3月5日; `3月5日` when `after` is in the same year (2025年1月1日至3月5日).
    static func text(_ date: CivilDate, after: CivilDate? = nil) -> String {
        let (y, m, d) = date.components
        return (after?.year == y ? "" : "\(y)年") + "\(m)月\(d)日"
    }

    /// How the 复议 and 诉讼 figures are counted: the denominators in words.
    public static let remedyDefinitions = [
        "行政复议、行政诉讼按案件本身的日期统计，不按被复议、被诉决定的日期：新收指复议申请日期（起诉日期）在本年度的案件；"
            + "审结指复议决定日期（判决日期）在本年度且注明结果的案件，结果为终止、调解、撤诉、驳回起诉的也计入审结。",
        "复议纠错率 =（撤销 + 变更 + 确认违法 + 确认无效 + 责令履行）÷ 本年度审结的复议案件；"
            + "诉讼败诉率 =（撤销 + 变更 + 确认违法 + 确认无效 + 责令履行）÷ 本年度审结的诉讼案件。",
        "负责人出庭应诉率 = 负责人出庭应诉的案件 ÷ 本年度审结且注明负责人是否出庭的诉讼案件。",
        "行政复议、行政诉讼只统计本批次案件中被复议、被诉的案件；没有申请（起诉）日期也没有审结日期的单列，不计入任何年度。",
    ]
}
