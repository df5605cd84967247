import Foundation
import PingchaCatalogue
import PingchaModel
import PingchaReports
import PingchaRubric
import PingchaStore

/// The stored rubrics' rules as the documents name them: the qualified id and the requirement
/// in words ("处罚（普通）PRO-10 处罚决定书当场交付或在七个工作日内送达"), with the facts a notice
/// prints beside them.
struct RuleNames {
    struct Entry {
        /// "处罚（普通）PRO-10 处罚决定书当场交付或在七个工作日内送达".
        var label: String
        /// "处罚（普通）PRO-10": the qualified id alone.
        var code: String
        /// The title without the notes for scorers.
        var requirement: String
        var veto: Bool
        var disposition: Disposition
        var basis: String?
        var manual: Bool
    }

    private var entries: [String: [String: Entry]] = [:]

    init(_ definitions: [StoredRubric]) {
        for d in definitions where entries[d.id] == nil {
            let standard = RuleWording.standardShortName(title: d.title, id: d.id)
            entries[d.id] = Dictionary(d.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }).mapValues { r in
                let requirement = RuleWording.plainTitle(r.title)
                return Entry(label: standard + r.id + (requirement.isEmpty ? "" : " " + requirement), code: standard + r.id,
                             requirement: requirement,
                             veto: r.veto, disposition: r.disposition, basis: r.basis, manual: r.manual)
            }
        }
    }

    /// The rule, or a stand-in naming the bare id for a rule the stored rubrics do not have.
    func entry(rubric: String, rule: String) -> Entry {
        entries[rubric]?[rule] ?? Entry(label: rule, code: rule, requirement: rule, veto: false, disposition: .none, basis: nil, manual: false)
    }
}

/// What a finding says in words, from the values its rule read (`finding.fields_read`) and the
/// reviewers' decisions (`finding.review`).
enum FindingWording {
    /// A failed rule: the reviewer's finding when a scoresheet decided it, else the values the
    /// rule read ("决定日期：2025年3月1日；送达日期：2025年3月20日").
    static func failure(fieldsRead: String, review: String?, reviewed: Bool, catalogue: FieldCatalogue) -> String {
        if reviewed {
            let notes = reviewNotes(review)
            return "经评查人员判定不符合" + (notes.isEmpty ? "" : "：" + notes.joined(separator: "；"))
        }
        let values = Self.values(fieldsRead, catalogue: catalogue)
        // A category the file gives (执法类别, 当事人类型, 送达方式 …), and any field only the
        // rule's condition read, is what made the rule apply or which limit it applied (a fine
        // of 3,200 is over an organisation's 3,000): it is said after the facts, in brackets.
        // One the file leaves out is no fact the case lacks (复议结果 of a case never
        // reconsidered; no 听证日期, so the ninety days run), and is not listed as missing.
        let facts = values.filter { !$0.isCategory && !$0.isCondition }
        let given = facts.filter { $0.text != nil }.map { "\($0.name)：\($0.text!)" }
        let missing = facts.filter { $0.text == nil }.map(\.name)
        let context = values.filter { $0.text != nil && ($0.isCategory || $0.isCondition) }.map { "\($0.name)：\($0.text!)" }
        var parts = given
        if !missing.isEmpty { parts.append("未载明：" + missing.joined(separator: "、")) }
        if parts.isEmpty { return context.isEmpty ? "不符合要求" : context.joined(separator: "；") }
        return parts.joined(separator: "；") + (context.isEmpty ? "" : "（" + context.joined(separator: "；") + "）")
    }

    /// What a reviewer must look at for a pending rule.
    static func check(fieldsRead: String, conflict: Bool, suspect: Bool, catalogue: FieldCatalogue) -> String {
        if conflict { return "评查人员意见不一致，须复核" }
        // A screen's suspicion says what it saw, so that the reviewer knows what to look up.
        if suspect {
            let seen = valuesText(fieldsRead, catalogue: catalogue)
            return "筛查未通过，须人工判定" + (seen.isEmpty ? "" : "：" + seen)
        }
        let missing = values(fieldsRead, catalogue: catalogue).filter { $0.text == nil }.map(\.name)
        return missing.isEmpty ? "须评查人员核实" : "材料未载明：" + missing.joined(separator: "、")
    }

    /// The fields of a stored `{"field":value,…}` (``StoredFieldsRead``) in the order the rule
    /// reads them, each with its Chinese name, its value as a document prints it (nil: missing)
    /// and whether it is a category (an enum field).
    static func values(_ json: String, catalogue: FieldCatalogue) -> [(name: String, text: String?, isCategory: Bool, isCondition: Bool)] {
        (StoredFieldsRead.decode(json, catalogue: catalogue) ?? []).map { id, value, condition in
            let field = catalogue[id]
            let unit = field?.unit ?? ""
            return (field?.name ?? id, value.map { v in text(v) + (v.number == nil ? "" : unit) }, field?.type == .enumeration, condition)
        }
    }

    /// The values a rule read, for people: "送达方式：直接送达；送达日期：未载明" (findings.csv's
    /// `values`, scores.xlsx's 读取的数据); empty when the rule read none.
    static func valuesText(_ json: String, catalogue: FieldCatalogue) -> String {
        values(json, catalogue: catalogue).map { "\($0.name)：\($0.text ?? "未载明")" }.joined(separator: "；")
    }

    /// A value in words: dates in Chinese, yes/no for booleans, lists joined with 、, long
    /// texts shortened.
    static func text(_ value: FieldValue) -> String {
        switch value {
        case .bool(let yes): return yes ? "是" : "否"
        case .list(let items): return items.joined(separator: "、")
        case .number(let n): return n.description
        case .date(let d): return d.chineseText
        case .text(let string): return string.count > 40 ? String(string.prefix(40)) + "…" : string
        }
    }

    /// The notes of the reviewers' decisions (`[{"outcome":…,"note":…},…]`).
    static func reviewNotes(_ review: String?) -> [String] {
        guard let review, let list = (try? JSONSerialization.jsonObject(with: Data(review.utf8))) as? [[String: Any]] else { return [] }
        var notes: [String] = []
        for d in list {
            if let note = d["note"] as? String, !note.isEmpty, !notes.contains(note) { notes.append(note) }
        }
        return notes
    }
}

/// ``FindingWording/valuesText(_:catalogue:)`` for a stream of findings: findings of one rule
/// mostly read the same values, so each stored text is worded once, in a table that starts
/// over when full (findings.csv and scores.xlsx each keep one, on their own threads).
struct WordedValues {
    private let catalogue = FieldCatalogue.builtIn()
    /// The stored texts met, by their bytes (findings.csv looks up four million of them straight
    /// from SQLite's buffer, no String made for the lookup), and each one's wording by number.
    private var known = ByteKeys()
    private var worded: [String] = []
    private static let remembered = 50_000

    /// `{"service_method":"直接送达","served_date":null}` as "送达方式：直接送达；送达日期：未载明".
    mutating func text(_ json: UnsafeBufferPointer<UInt8>) -> String {
        if json.isEmpty || json.elementsEqual("{}".utf8) { return "" }
        if known.count >= Self.remembered {
            known = ByteKeys()
            worded.removeAll(keepingCapacity: true)
        }
        let id = known.id(json)
        if id < worded.count { return worded[id] }
        let text = FindingWording.valuesText(known.names[id], catalogue: catalogue)
        worded.append(text)
        return text
    }

    mutating func text(_ json: String) -> String {
        var json = json
        return json.withUTF8 { text($0) }
    }
}
