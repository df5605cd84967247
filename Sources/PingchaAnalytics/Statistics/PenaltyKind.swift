/// The rows of the 年报's penalty table (行政处罚种类), from the lightest to the heaviest.
///
/// One decision is one 宗 however many penalties it imposes, and a decision with several
/// is counted once under its heaviest kind (law-and-practice.md §4.2), so the rows add up
/// to the number of decisions and the table says what the heaviest sanction was.
///
/// Order followed: 警告 < 通报批评 < 罚款 < 没收违法所得/没收非法财物 < 暂扣许可证件 < 降低资质等级
/// < 限制开展生产经营活动 < 责令停产停业 < 责令关闭/限制从业 < 吊销许可证件 < 行政拘留 — the
/// light-to-heavy order of the statistics templates seen in §4.2 (广州 2019, 庆元 2024, 永川
/// 2022 layouts). Templates differ on 吊销 vs the 停产停业/关闭 group; the order of 行政处罚法
/// 第九条 would put 吊销许可证件 (item 3) below 限制开展生产经营活动 … 限制从业 (item 4). We rank
/// 吊销 above them, as the templates do: revoking the licence ends the activity for good,
/// while 停产停业 is temporary. Kinds that share a template row (没收违法所得 and 没收非法财物;
/// 责令关闭 and 限制从业) share a case.
public enum PenaltyKind: Int, CaseIterable, Sendable, Hashable, Comparable {
    /// 其他: only items the catalogue does not list (其他行政处罚 set by laws and
    /// regulations). Their severity is unknown, so any named kind beside them wins.
    case other = 0
    case warning
    case criticism
    case fine
    case confiscation
    case licenceSuspension
    case qualificationDowngrade
    case businessRestriction
    case productionSuspension
    case closure
    case licenceRevocation
    case detention

    /// The template's row title.
    public var title: String {
        switch self {
        case .warning: "警告"
        case .criticism: "通报批评"
        case .fine: "罚款"
        case .confiscation: "没收违法所得/没收非法财物"
        case .licenceSuspension: "暂扣许可证件"
        case .qualificationDowngrade: "降低资质等级"
        case .businessRestriction: "限制开展生产经营活动"
        case .productionSuspension: "责令停产停业"
        case .closure: "责令关闭/限制从业"
        case .licenceRevocation: "吊销许可证件"
        case .detention: "行政拘留"
        case .other: "其他"
        }
    }

    /// The kind of one 处罚种类 item (canonical catalogue text); ``other`` for anything else.
    public init(item: String) {
        switch item {
        case "警告": self = .warning
        case "通报批评": self = .criticism
        case "罚款": self = .fine
        case "没收违法所得", "没收非法财物": self = .confiscation
        case "暂扣许可证件": self = .licenceSuspension
        case "降低资质等级": self = .qualificationDowngrade
        case "限制开展生产经营活动": self = .businessRestriction
        case "责令停产停业": self = .productionSuspension
        case "责令关闭", "限制从业": self = .closure
        case "吊销许可证件": self = .licenceRevocation
        case "行政拘留": self = .detention
        default: self = .other
        }
    }

    /// The row a decision with these items is counted under: the heaviest named kind; nil
    /// for a decision whose kinds are not recorded (counted as 未注明种类).
    public static func heaviest<S: Sequence>(of items: S) -> PenaltyKind? where S.Element == String {
        items.lazy.map(PenaltyKind.init(item:)).max()
    }

    /// Table order, light to heavy, 其他 last.
    public static let tableOrder: [PenaltyKind] = allCases.filter { $0 != .other } + [.other]

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
