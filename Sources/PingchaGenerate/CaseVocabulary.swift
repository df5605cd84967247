/// The canonical values the generator writes for enum and list fields, spelt exactly as in
/// `rubrics/fields.yaml` (a test checks every one against the built-in catalogue). Each table
/// is also kept as UTF-8 bytes so that rows are assembled without building Strings.

/// 执法类别.
enum EnforcementKind: Int, CaseIterable {
    case licensing, penalty, coercion, inspection, levy, confirmation, other
    /// 行政征用, 行政给付, 行政裁决, 行政奖励 are never drawn as a case's kind (a body's kind
    /// weights cover the seven above): a 其他 case is recorded as one of them now and then
    /// (``LaterCatalogueValues``), so that no case drawn before they existed changes.
    case requisition, benefit, adjudication, reward

    /// How many kinds a case is drawn from (the first seven).
    static let drawnCount = 7
    /// The four kinds a 其他 case may be recorded as.
    static let retyped: [EnforcementKind] = [.requisition, .benefit, .adjudication, .reward]

    static let names = ["行政许可", "行政处罚", "行政强制", "行政检查", "行政征收", "行政确认", "其他",
                        "行政征用", "行政给付", "行政裁决", "行政奖励"]
    static let utf8 = names.map { Array($0.utf8) }
}

/// 程序类型.
enum ProcedureKind: Int, CaseIterable {
    case summary, ordinary, expedited

    static let names = ["简易程序", "普通程序", "快速办理"]
    static let utf8 = names.map { Array($0.utf8) }
}

/// 当事人类型.
enum PartyKind: Int, CaseIterable {
    case naturalPerson, legalPerson, otherOrganisation

    static let names = ["自然人", "法人", "其他组织"]
    static let utf8 = names.map { Array($0.utf8) }
}

/// 送达方式.
enum ServiceMethod: Int, CaseIterable {
    case inPerson, leftAtAddress, post, electronic, entrusted, publicNotice

    static let names = ["直接送达", "留置送达", "邮寄送达", "电子送达", "委托送达", "公告送达"]
    static let utf8 = names.map { Array($0.utf8) }
}

/// 裁量档次.
enum DiscretionLevel: Int, CaseIterable {
    case noPenalty, mitigated, lenient, standard, severe

    static let names = ["不予处罚", "减轻", "从轻", "一般", "从重"]
    static let utf8 = names.map { Array($0.utf8) }
}

/// 强制措施种类.
enum CoerciveMeasure: Int, CaseIterable {
    case sealing, seizure, freezing, personalRestraint, other

    static let names = ["查封", "扣押", "冻结", "限制人身自由", "其他"]
    static let utf8 = names.map { Array($0.utf8) }
}

/// 复议结果. 终止 and 调解 come last: they are given later (``LaterCatalogueValues``), after
/// the first seven were drawn, so the draws' indices stay what they were.
enum ReconsiderationResult: Int, CaseIterable {
    case upheld, revoked, varied, confirmedIllegal, confirmedVoid, orderedToPerform, dismissed
    case terminated, mediated

    static let names = ["维持", "撤销", "变更", "确认违法", "确认无效", "责令履行", "驳回", "终止", "调解"]
    static let utf8 = names.map { Array($0.utf8) }
}

/// 诉讼结果. `维持` is the wording before the 2014 行政诉讼法 (now 驳回诉讼请求, art. 69),
/// which older exports still use and the catalogue reads as its synonym; kept so that the
/// bundled sample stays as it was.
/// 驳回起诉, 撤诉 and 调解 come last, given later like 复议's 终止 and 调解.
enum LitigationResult: Int, CaseIterable {
    case upheld, claimDismissed, revoked, varied, confirmedIllegal, confirmedVoid, orderedToPerform
    case suitDismissed, withdrawn, mediated

    static let names = ["维持", "驳回诉讼请求", "撤销", "变更", "确认违法", "确认无效", "责令履行", "驳回起诉", "撤诉", "调解"]
    static let utf8 = names.map { Array($0.utf8) }
}

/// 处罚种类 (APL art. 9), one bit each, in the catalogue's order (lightest first), so a
/// decision that combines several is one small value.
struct PenaltyKinds: OptionSet {
    let rawValue: UInt16

    static let warning = PenaltyKinds(rawValue: 1 << 0)            // 警告
    static let circulatedCriticism = PenaltyKinds(rawValue: 1 << 1) // 通报批评
    static let fine = PenaltyKinds(rawValue: 1 << 2)               // 罚款
    static let confiscateGains = PenaltyKinds(rawValue: 1 << 3)    // 没收违法所得
    static let confiscateProperty = PenaltyKinds(rawValue: 1 << 4) // 没收非法财物
    static let suspendLicence = PenaltyKinds(rawValue: 1 << 5)     // 暂扣许可证件
    static let downgradeQualification = PenaltyKinds(rawValue: 1 << 6) // 降低资质等级
    static let revokeLicence = PenaltyKinds(rawValue: 1 << 7)      // 吊销许可证件
    static let restrictBusiness = PenaltyKinds(rawValue: 1 << 8)   // 限制开展生产经营活动
    static let suspendBusiness = PenaltyKinds(rawValue: 1 << 9)    // 责令停产停业
    static let closeDown = PenaltyKinds(rawValue: 1 << 10)         // 责令关闭
    static let barFromOccupation = PenaltyKinds(rawValue: 1 << 11) // 限制从业
    static let detention = PenaltyKinds(rawValue: 1 << 12)         // 行政拘留

    static let names = ["警告", "通报批评", "罚款", "没收违法所得", "没收非法财物", "暂扣许可证件",
                        "降低资质等级", "吊销许可证件", "限制开展生产经营活动", "责令停产停业",
                        "责令关闭", "限制从业", "行政拘留"]
    static let utf8 = names.map { Array($0.utf8) }

    /// Penalties that always give the party a right to a hearing (APL art. 63), whatever the
    /// amount: loss of a licence or qualification, closure, occupational bans, detention is
    /// heard under the public-security law's own procedure and is left out.
    static let hearingTriggers: PenaltyKinds = [.downgradeQualification, .revokeLicence, .restrictBusiness,
                                                .suspendBusiness, .closeDown, .barFromOccupation]
}

/// 证据种类 (APL art. 46), one bit each in the catalogue's order.
struct EvidenceKinds: OptionSet {
    let rawValue: UInt16

    static let documentary = EvidenceKinds(rawValue: 1 << 0)  // 书证
    static let physical = EvidenceKinds(rawValue: 1 << 1)     // 物证
    static let audioVisual = EvidenceKinds(rawValue: 1 << 2)  // 视听资料
    static let electronic = EvidenceKinds(rawValue: 1 << 3)   // 电子数据
    static let witness = EvidenceKinds(rawValue: 1 << 4)      // 证人证言
    static let partyStatement = EvidenceKinds(rawValue: 1 << 5) // 当事人陈述
    static let expertOpinion = EvidenceKinds(rawValue: 1 << 6)  // 鉴定意见
    static let inspectionRecord = EvidenceKinds(rawValue: 1 << 7) // 勘验笔录
    static let onSiteRecord = EvidenceKinds(rawValue: 1 << 8)     // 现场笔录

    static let names = ["书证", "物证", "视听资料", "电子数据", "证人证言", "当事人陈述", "鉴定意见",
                        "勘验笔录", "现场笔录"]
    static let utf8 = names.map { Array($0.utf8) }
}

/// 所属区县: the four districts of the city, with their share of cases (population-like).
enum District {
    static let names = ["克拉玛依区", "独山子区", "白碱滩区", "乌尔禾区"]
    static let utf8 = names.map { Array($0.utf8) }
    static let weights = WeightedChoice([52, 24, 16, 8])
    /// Administrative division codes, used as the region part of ID and credit-code numbers.
    static let divisionCodes = [650203, 650202, 650204, 650205]
}

/// 强制类别.
enum CoerciveAction: Int, CaseIterable {
    case measure, execution

    static let names = ["强制措施", "强制执行"]
    static let utf8 = names.map { Array($0.utf8) }
}

/// 强制执行方式 (行政强制法第十二条).
enum EnforcementMethod: Int, CaseIterable {
    case surcharge, transfer, auction, removal, substitute, other

    static let names = ["加处罚款或者滞纳金", "划拨存款汇款", "拍卖或者依法处理财物", "排除妨碍恢复原状", "代履行", "其他"]
    static let utf8 = names.map { Array($0.utf8) }
}

/// 许可结果.
enum LicenceResult: Int, CaseIterable {
    case granted, refused, varied, renewed, revoked, cancelled

    static let names = ["准予", "不予", "变更", "延续", "撤销", "注销"]
    static let utf8 = names.map { Array($0.utf8) }
}

/// 处罚执行情况.
enum PenaltyExecution: Int, CaseIterable {
    case complied, enforced, outstanding

    static let names = ["自觉履行", "强制执行", "未执行完毕"]
    static let utf8 = names.map { Array($0.utf8) }
}
