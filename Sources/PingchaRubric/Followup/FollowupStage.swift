/// Where an item of the rectification register (整改台账) stands in the cycle of arts. 29–31.
/// The raw values are what the store keeps (`followup_item.stage`); ``chineseName`` is what
/// tables and documents print.
public enum FollowupStage: String, CaseIterable, Sendable, Codable {
    /// 已登记：taken into the register from the bulletin's findings, no document issued yet.
    case registered
    /// 已发监督通知书，待答复 (art. 29(一)(二)).
    case notice
    /// 已答复：the department answered the notice; the bureau checks the answer (art. 29(三)).
    case answered
    /// 已发监督意见书，待整改报告 (art. 30(1)).
    case opinion
    /// 复查中：the opinion is suspended while the bureau re-examines it (art. 30(2)(3)).
    case reexamination
    /// 已发监督决定书，待报告执行情况 (art. 31).
    case decision
    /// 已整改：the department reported the item corrected (or the decision executed).
    case corrected
    /// 部分整改.
    case partlyCorrected = "partly_corrected"
    /// 未整改.
    case notCorrected = "not_corrected"
    /// 复查撤销：the re-examination revoked the opinion for this item.
    case revoked
    /// 已报告执行：the department reported executing the supervision decision (art. 31(3)).
    case executed

    public var chineseName: String {
        switch self {
        case .registered: return "已登记"
        case .notice: return "监督通知书待答复"
        case .answered: return "已答复"
        case .opinion: return "监督意见书待整改"
        case .reexamination: return "复查中"
        case .decision: return "监督决定书待报告"
        case .corrected: return "已整改"
        case .partlyCorrected: return "部分整改"
        case .notCorrected: return "未整改"
        case .revoked: return "复查撤销"
        case .executed: return "已报告执行"
        }
    }
}
