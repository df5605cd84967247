/// What can stop a draw or an assignment, each with a Chinese message that names the
/// department, the case or the numbers involved, so that the office can fix its input.
public enum SamplingError: Error, Equatable, Sendable, CustomStringConvertible {
    // The plan.
    case conflictingQuota
    case negativeCount(Int)
    case fractionOutOfRange(Double)
    // The cases.
    case invalidRisk(department: String, caseId: String, risk: Double)
    case duplicateCase(department: String, caseId: String)
    // The reviewers.
    case noReviewers
    case invalidPerCase(Int)
    case emptyReviewerName(department: String)
    case emptyReviewerDepartment(name: String)
    case duplicateReviewer(name: String)
    /// A department whose cases cannot get `perCase` distinct reviewers from other departments.
    case notEnoughEligibleReviewers(department: String, cases: Int, perCase: Int, eligible: Int, recused: Int)
    /// A scoresheet asked for someone who is not among the assignment's reviewers.
    case unknownReviewer(name: String)

    public var message: String {
        switch self {
        case .conflictingQuota:
            return "--per-department 与 --fraction 只能选用一个"
        case .negativeCount(let n):
            return "每个部门抽取的件数应为 0 或正整数，而不是 \(n)"
        case .fractionOutOfRange(let f):
            return "抽取比例应在 0 到 1 之间（如 0.1 表示 10%），而不是 \(f)"
        case .invalidRisk(let department, let caseId, let risk):
            return "\(department) 的案件 \(caseId) 风险值 \(risk) 无效：风险值应为不小于 0 的有限数"
        case .duplicateCase(let department, let caseId):
            return "\(department) 的案件 \(caseId) 出现了不止一次：同一部门的案件编号不能重复"
        case .noReviewers:
            return "评查人员名单是空的：请在 --reviewers 文件中列出评查人员的姓名和所在部门"
        case .invalidPerCase(let n):
            return "每件案卷的评查人数（--per-case）应为正整数，而不是 \(n)"
        case .emptyReviewerName(let department):
            return "评查人员名单中有一名 \(department) 的人员没有填写姓名"
        case .emptyReviewerDepartment(let name):
            return "评查人员 \(name) 没有填写所在部门：无法执行回避"
        case .duplicateReviewer(let name):
            return "评查人员 \(name) 在名单中出现了不止一次：姓名相同的请加以区分（如“张伟（司法局）”）"
        case .notEnoughEligibleReviewers(let department, let cases, let perCase, let eligible, let recused):
            return "无法分配 \(department) 的 \(cases) 件案卷：每件需要 \(perCase) 名评查人员，"
                + "但回避本部门的 \(recused) 人后只有 \(eligible) 名其他部门的评查人员；"
                + "请增加其他部门的评查人员或减少 --per-case"
        case .unknownReviewer(let name):
            return "评查人员 \(name) 不在本次分配名单中"
        }
    }

    public var description: String { message }
}
