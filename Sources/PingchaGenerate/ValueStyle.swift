/// How one department's platform spells values (导出格式): its usual date, yes/no and amount
/// forms, list separator and document-number brackets, plus how often a cell strays from them
/// (hand edits, imports from older systems).
///
/// The canonical style (normal mode) writes what ingestion produces: ISO dates, 是/否, plain
/// amounts, `;` between list items.
struct ValueStyle {
    var date: DateForm
    var bool: BoolForm
    var amount: AmountForm
    var listSeparator: [UInt8]
    /// 〔〕 in the canonical style; some platforms write [] or （）.
    var numberBrackets: ([UInt8], [UInt8])
    /// Share of cells written in a random other form.
    var strayRate: Double

    static let canonical = ValueStyle(
        date: .iso, bool: .shiFou, amount: .plain, listSeparator: Array(";".utf8),
        numberBrackets: (Array("〔".utf8), Array("〕".utf8)), strayRate: 0)

    /// A department's messy style, drawn once per (seed, department).
    static func messy(_ rng: inout CaseRandom) -> ValueStyle {
        let date = DateForm.allCases[dateWeights.pick(&rng)]
        let bool = BoolForm.allCases[boolWeights.pick(&rng)]
        let amount = AmountForm.allCases[amountWeights.pick(&rng)]
        let separators = ["、", "；", ";", ",", "，", "|"]
        let brackets = [("〔", "〕"), ("〔", "〕"), ("[", "]"), ("（", "）"), ("［", "］")]
        let b = rng.pick(brackets)
        return ValueStyle(date: date, bool: bool, amount: amount,
                          listSeparator: Array(separators[separatorWeights.pick(&rng)].utf8),
                          numberBrackets: (Array(b.0.utf8), Array(b.1.utf8)),
                          strayRate: [0.02, 0.05, 0.1, 0.2][rng.below(4)])
    }

    private static let dateWeights = WeightedChoice([25, 25, 5, 15, 10, 10, 7, 3])
    private static let boolWeights = WeightedChoice([45, 15, 15, 15, 10])
    /// The usual forms only: capital numerals and 万 appear as strays.
    private static let amountWeights = WeightedChoice([30, 15, 20, 15, 15, 0, 0])
    private static let separatorWeights = WeightedChoice([40, 20, 15, 10, 10, 5])
}

/// Date spellings seen in exports (all accepted by ingestion, fields.md "Types").
enum DateForm: CaseIterable {
    /// 2024-03-05
    case iso
    /// 2024/3/5
    case slash
    /// 2024.3.5
    case dot
    /// 2024年3月5日
    case chinese
    /// 20240305
    case compact
    /// 45356 (days since 1899-12-30, what Excel stores)
    case excelSerial
    /// 2024-03-05 14:30:00
    case isoDateTime
    /// 2024/3/5 9:30
    case slashDateTime
}

/// Yes/no spellings.
enum BoolForm: CaseIterable {
    case shiFou, checkCross, yesNoLetter, youWu, yiWei

    /// (true, false) spellings.
    var utf8: ([UInt8], [UInt8]) {
        switch self {
        case .shiFou: return BoolForm.pairs[0]
        case .checkCross: return BoolForm.pairs[1]
        case .yesNoLetter: return BoolForm.pairs[2]
        case .youWu: return BoolForm.pairs[3]
        case .yiWei: return BoolForm.pairs[4]
        }
    }

    private static let pairs = [("是", "否"), ("√", "×"), ("Y", "N"), ("有", "无"), ("已", "未")]
        .map { (Array($0.0.utf8), Array($0.1.utf8)) }
}

/// Amount spellings.
enum AmountForm: CaseIterable {
    /// 5000
    case plain
    /// 5000.00
    case twoDecimals
    /// 5,000.00元
    case groupedYuan
    /// 5000元
    case yuanSuffix
    /// ￥5000
    case yenSign
    /// 人民币伍仟元整
    case capitalNumerals
    /// 0.5万
    case wan
}
