/// One table of the 年报 per type of action (许可, 处罚, 强制 …): a row per 执法主体 and a
/// 合计 row, as published reports lay them out, with the definitions to print under it.
///
/// Every body of the report has a row in every table, 0 where it had no such case: the
/// statistics cannot tell a body without the duty from one without activity, and a missing
/// row reads as a missing report. The 合计 row is computed from all the cases together
/// (``AnnualStatistics/total``), not by adding rows, so that its rates are rates of the total;
/// for counts the two agree (a test checks it).
public struct BodyTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// 执法主体; 合计 for the total row.
        public var body: String
        public var values: [StatisticsValue]
    }

    /// 表 title without number: 行政许可, 行政处罚 …
    public var title: String
    public var columns: [String]
    public var rows: [Row]
    public var total: Row
    /// What each column counts, the denominator of each rate in words.
    public var definitions: [String]
}

extension AnnualStatistics {
    /// The tables of every body (`bodies`, in order; a body with no case this year has zeros).
    public func bodyTables(bodies: [String]) -> [BodyTable] {
        let each = bodies.map { figures(for: $0) ?? AnnualFigures(department: $0) }
        return BodyTableSpec.all.map { spec in
            BodyTable(title: spec.title, columns: spec.columns.map(\.name),
                      rows: each.map { f in BodyTable.Row(body: f.department ?? Self.unnamedDepartment, values: spec.columns.map { StatisticsValue($0.value(f)) }) },
                      total: BodyTable.Row(body: "合计", values: spec.columns.map { StatisticsValue($0.value(total)) }),
                      definitions: spec.definitions)
        }
    }
}

/// The columns of each table and their definitions.
struct BodyTableSpec: Sendable {
    struct Column: Sendable {
        let name: String
        let value: @Sendable (AnnualFigures) -> StatisticsCell
    }

    let title: String
    let columns: [Column]
    let definitions: [String]

    static func count(_ name: String, _ value: @escaping @Sendable (AnnualFigures) -> Int) -> Column {
        Column(name: name) { .count(value($0)) }
    }

    static let all: [BodyTableSpec] = [licences, penalties, penaltyExecution, coercionMeasures, coercionExecutions,
                                       otherActs, remedies, threeSystems]

    static let licences = BodyTableSpec(
        title: "行政许可",
        columns: [count("申请") { $0.licences.applications }, count("受理") { $0.licences.accepted }]
            + LicenceFigures.results.map { r in count(r) { $0.licences.byResult[r, default: 0] } }
            + [count("未注明结果") { $0.licences.withoutResult }],
        definitions: ["申请：决定日期在本年度的行政许可案件（每件决定对应一件申请）；受理：其中有受理日期的；"
            + "准予、不予、变更、延续、撤销、注销按“许可结果”统计，未填写的计入未注明结果。"])

    static let penalties = BodyTableSpec(
        title: "行政处罚",
        columns: [
            count("立案") { $0.penaltyProcedure.filed }, count("结案") { $0.penaltyProcedure.closed },
            count("决定（宗）") { $0.penalties.decisions }, count("其中简易程序") { $0.penalties.summaryProcedure },
            Column(name: "罚没金额（万元）") { .amount($0.penalties.forfeitures) },
            count("不予处罚") { $0.penaltyProcedure.noPenalty }, count("减轻处罚") { $0.penaltyProcedure.mitigated },
            count("移送司法机关") { $0.penaltyProcedure.transferred },
            count("是否移送未注明") { $0.penaltyProcedure.transferUnknown },
        ],
        definitions: ["立案、结案：立案日期、结案日期在本年度的行政处罚案件，不论决定在哪一年作出；"
            + "决定：决定日期在本年度的行政处罚决定，一个决定计一宗；不予处罚、减轻处罚按“裁量档次”，移送司法机关按“移送司法机关”为是，均为本年度决定中的件数；未填写“移送司法机关”的计入是否移送未注明。"])

    static let penaltyExecution = BodyTableSpec(
        title: "行政处罚执行情况",
        columns: [count("决定（宗）") { $0.penalties.decisions }]
            + PenaltyProcedureFigures.executions.map { e in count(e) { $0.penaltyProcedure.byExecution[e, default: 0] } }
            + [count("未注明") { $0.penaltyProcedure.executionUnknown }],
        definitions: ["按本年度行政处罚决定的“处罚执行情况”统计：自觉履行、强制执行（含申请法院强制执行后执行完毕的）、未执行完毕；未填写的计入未注明。"])

    static let coercionMeasures = BodyTableSpec(
        title: "行政强制措施",
        columns: [count("强制措施") { $0.coercion.measures }]
            + CoercionFigures.measureKinds.map { k in count(k) { $0.coercion.byMeasure[k, default: 0] } }
            + [count("未注明类别的行政强制") { $0.coercion.unclassified }],
        definitions: ["决定日期在本年度的行政强制案件，按“强制类别”区分措施和执行；未填写强制类别的，有强制措施种类、没有强制执行方式的计为强制措施（与评查标准相同）；"
            + "三项都未填写的计入未注明类别。"])

    static let coercionExecutions = BodyTableSpec(
        title: "行政强制执行",
        columns: [count("强制执行") { $0.coercion.executions }]
            + CoercionFigures.methods.map { m in count(m) { $0.coercion.byMethod[m, default: 0] } }
            + [count("申请法院强制执行") { $0.coercion.courtApplications }],
        definitions: ["强制执行：强制类别为强制执行的行政强制案件，以及填写了强制执行方式的其他决定（如加处罚款），按强制执行方式分列；"
            + "申请法院强制执行：本年度决定中“申请法院强制执行”为是的件数（任何执法类别）。"])

    static let otherActs = BodyTableSpec(
        title: "行政检查、征收、确认及其他行政执法行为",
        columns: ["行政检查", "行政征收", "行政确认", "行政征用", "行政给付", "行政裁决", "行政奖励", "其他"].map { t in
            count(t) { $0.byEnforcementType[t, default: 0] }
        },
        definitions: ["决定日期在本年度、按“执法类别”统计的件数；行政征用、行政给付、行政裁决、行政奖励在公开的年报中列为其他行政执法行为。"])

    static let remedies = BodyTableSpec(
        title: "行政复议和行政诉讼",
        columns: [
            count("新收复议") { $0.reconsideration.filed }, count("审结复议") { $0.reconsideration.closed },
            count("复议纠错") { $0.reconsideration.corrected },
            Column(name: "复议纠错率") { .rate($0.reconsideration.correctionRate) },
            count("新收诉讼") { $0.litigation.filed }, count("审结诉讼") { $0.litigation.closed },
            count("败诉") { $0.litigation.corrected },
            Column(name: "诉讼败诉率") { .rate($0.litigation.correctionRate) },
            Column(name: "负责人出庭应诉率") { .rate($0.litigation.headAppearanceRate) },
        ],
        definitions: ["复议纠错 =（撤销 + 变更 + 确认违法 + 确认无效 + 责令履行），复议纠错率 = 复议纠错 ÷ 审结复议；"
            + "败诉同样计数，诉讼败诉率 = 败诉 ÷ 审结诉讼；新收、审结按复议（诉讼）本身的日期，审结含终止、调解、撤诉、驳回起诉；"
            + "负责人出庭应诉率 = 出庭应诉的件数 ÷ 审结且注明是否出庭的诉讼案件；没有可计的案件时比率记为“—”。"])

    static let threeSystems = BodyTableSpec(
        title: "重大执法决定法制审核和三项制度",
        columns: [count("重大执法决定") { $0.majorDecisions.major }, count("其中经法制审核") { $0.majorDecisions.reviewed }]
            + ThreeSystem.allCases.map { s in Column(name: s.rateName) { .rate($0.rate(s).rate) } },
        definitions: ["重大执法决定、法制审核按案卷记载，为本年度决定中的件数；公示率、全过程记录率、法制审核率取自评查结果："
            + "符合的件数 ÷ 适用且可判断的件数。"])
}
