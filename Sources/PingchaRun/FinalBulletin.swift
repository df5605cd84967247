import PingchaModel
import PingchaStore

/// `--final` (正式通报): the bulletin without the 初评 marks. Refused while any result is pending,
/// every pending case blocking it, not only the ones the lists would name: the grade counts,
/// means and pass rates of a final bulletin include every case, so one undecided case makes
/// them provisional too.
enum FinalBulletin {
    /// The refusal, listing the pending cases by department (one line each, every case id).
    /// `storing` says the run stores nothing either (`run`); otherwise only the reports stay.
    static func refusal(_ pending: [(department: String, caseId: String)], storing: Bool) -> PingchaError {
        var order: [String] = []
        var byDepartment: [String: [String]] = [:]
        for p in pending {
            if byDepartment[p.department] == nil { order.append(p.department) }
            byDepartment[p.department, default: []].append(p.caseId)
        }
        var lines = ["--final：还有 \(pending.count) 件案卷的评查结果待核实（材料未载明、筛查未通过或评查人员意见不一致），不能生成正式通报。"
                     + "请评查人员在评查表中作出判定，再用 --scoresheet 重新运行；不加 --final 则生成初评通报。待核实的案卷："]
        for department in order.sorted() {
            let ids = byDepartment[department] ?? []
            lines.append("  \(department)（\(ids.count) 件）：\(ids.joined(separator: "、"))")
        }
        lines.append(storing ? "本次运行不保存任何结果，已有的批次和报告保持不变。" : "没有写入任何文件，已有的报告保持不变。")
        return .invalidOption(lines.joined(separator: "\n"))
    }
}
