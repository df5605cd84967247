import Foundation
import PingchaModel

/// Natural persons' names in published files: surname + 某 (张某, 欧阳某), the convention of
/// the courts' and most localities' publication rules (law-and-practice §5.2–5.3).
public enum NameMask {
    /// Two-character surnames still in common use; a name starting with one keeps both.
    static let compoundSurnames: Set<String> = [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐",
        "端木", "独孤", "南宫", "西门", "百里", "呼延", "轩辕", "澹台", "太史", "申屠", "闻人", "万俟", "赫连", "钟离",
    ]

    /// Words that mark a party as an organisation when the export does not say which it is.
    static let organisationMarks = ["公司", "厂", "店", "部", "中心", "合作社", "协会", "学校", "医院", "诊所", "站", "行",
                                    "所", "馆", "社", "院", "场", "局", "委员会", "集团", "超市", "餐厅", "酒店", "药房", "工作室"]

    /// `name` as published: masked when the party is a natural person, or when the export does
    /// not say and the name looks like a person's (2–4 Chinese characters, no organisation word).
    public static func publishedName(_ name: String, partyType: String?) -> String {
        let name = name.trimmingSpaces
        guard !name.isEmpty else { return name }
        switch partyType {
        case "自然人": return masked(name)
        case "法人", "其他组织": return name
        default: return looksLikePerson(name) ? masked(name) : name
        }
    }

    /// 张三 → 张某; 欧阳娜娜 → 欧阳某; a name of one character is left as 某.
    public static func masked(_ name: String) -> String {
        let chars = Array(name)
        if chars.count >= 3, compoundSurnames.contains(String(chars[0...1])) { return String(chars[0...1]) + "某" }
        guard chars.count >= 2 else { return "某" }
        return String(chars[0]) + "某"
    }

    /// `text` with every occurrence of a natural person's full name replaced by its published
    /// form (a cause such as 张三无证经营案 names the party too).
    public static func replacing(_ name: String, with published: String, in text: String) -> String {
        guard name.count >= 2, name != published, text.contains(name) else { return text }
        return text.replacingOccurrences(of: name, with: published)
    }

    static func looksLikePerson(_ name: String) -> Bool {
        let chars = Array(name)
        guard (2...4).contains(chars.count), chars.allSatisfy(\.isCJKIdeograph) else { return false }
        return !organisationMarks.contains { name.contains($0) }
    }
}

extension Character {
    var isCJKIdeograph: Bool {
        guard let v = unicodeScalars.first?.value, unicodeScalars.count == 1 else { return false }
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
    }
}
