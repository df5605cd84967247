/// Amounts in Chinese capital numerals (大写金额), as decisions and receipts write them:
/// 5000 → 人民币伍仟元整, 10500 → 人民币壹万零伍佰元整, 100000 → 人民币壹拾万元整.
///
/// Rules: digits in groups of four (个, 万, 亿); inside a group a run of zeros between
/// non-zero digits is read once as 零 and trailing zeros are silent; a group that starts
/// with zeros after a non-zero higher group, or an all-zero group followed by more digits,
/// also reads 零; the amount is always spelt with its 拾 (壹拾万, not 拾万).
enum ChineseAmount {
    static let digits = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]
    static let places = ["", "拾", "佰", "仟"]
    static let groups = ["", "万", "亿", "万亿"]

    /// Whole yuan, 0 ≤ yuan < 10¹⁶.
    static func spell(yuan: Int) -> String {
        precondition(yuan >= 0 && yuan < 10_000_000_000_000_000)
        if yuan == 0 { return "人民币零元整" }
        var groupValues: [Int] = []
        var v = yuan
        while v > 0 { groupValues.append(v % 10_000); v /= 10_000 }
        var text = ""
        var pendingZero = false
        for g in stride(from: groupValues.count - 1, through: 0, by: -1) {
            let group = groupValues[g]
            if group == 0 {
                pendingZero = !text.isEmpty
                continue
            }
            if !text.isEmpty && group < 1_000 { pendingZero = true }
            var groupText = ""
            var zeroInGroup = false
            for p in stride(from: 3, through: 0, by: -1) {
                let d = group / pow10[p] % 10
                if d == 0 {
                    if !groupText.isEmpty { zeroInGroup = true }
                    continue
                }
                if zeroInGroup { groupText += "零"; zeroInGroup = false }
                groupText += digits[d] + places[p]
            }
            if pendingZero { text += "零"; pendingZero = false }
            text += groupText + groups[g]
        }
        return "人民币" + text + "元整"
    }

    private static let pow10 = [1, 10, 100, 1_000]
}
