import PingchaModel

/// Which fields a boolean expression reads for one case: the values a finding shows.
///
/// An expression's static field list names every field any branch could read. A finding
/// that listed them all put values the decision never looked at beside the ones it did: a
/// licensing decision not made public was shown with "处罚种类：未载明", because TSY-01's
/// `when` also names the penalty kinds for the penalty cases it exempts. The tree evaluates
/// `and`/`or` as the compiled expression does, left to right, stopping where the result is
/// settled, and gathers the fields of the operands it evaluated: the values the expression
/// read for this case. An operand read before the one that settled it stays, since it is
/// why the settling one counted (an organisation's fine is measured against 3,000, a
/// person's against 200).
public indirect enum Witness: Sendable {
    /// `a or b`: `b` is read only when `a` is not true.
    case any(Witness, Witness)
    /// `a and b`: `b` is read only when `a` is not false.
    case all(Witness, Witness)
    case not(Witness)
    /// Any other boolean expression, with the fields it reads.
    case leaf(Evaluator<Truth>, fields: [Int])

    var isLeaf: Bool { if case .leaf = self { return true } else { return false } }

    /// The expression's truth for `record`; the fields read on the way are appended to
    /// `fields` (no field twice).
    @discardableResult
    public func evaluate(_ record: CaseRecord, fields: inout [Int]) -> Truth {
        switch self {
        case .leaf(let evaluate, let read):
            for f in read where !fields.contains(f) { fields.append(f) }
            return evaluate(record)
        case .not(let operand):
            return !operand.evaluate(record, fields: &fields)
        case .any(let lhs, let rhs):
            let a = lhs.evaluate(record, fields: &fields)
            if a == .yes { return .yes }
            let b = rhs.evaluate(record, fields: &fields)
            return a || b
        case .all(let lhs, let rhs):
            let a = lhs.evaluate(record, fields: &fields)
            if a == .no { return .no }
            let b = rhs.evaluate(record, fields: &fields)
            return a && b
        }
    }
}

/// The values a rule's finding shows: the fields its expressions read for the case, in the
/// order the rule names them — what made it apply (`when`) and what its check looked at. A
/// count rule's expression is read whole.
public struct FindingFields: Sendable {
    /// Every field the rule names.
    public let fields: [Int]
    let when: Witness?
    let check: Witness?
    /// A count rule's expression, read whole.
    let count: [Int]
    /// A condition or check with `and`, `or` or `not` in it: what is read depends on the case.
    let readsByCase: Bool
    /// Every field the check or the count names: a field only the condition reads is why the
    /// rule applies, not what it found.
    let checked: Set<Int>

    init(fields: [Int], when: Witness?, check: Witness?, checkFields: [Int], count: [Int]) {
        self.fields = fields
        self.when = when
        self.check = check
        self.count = count
        readsByCase = !(when?.isLeaf ?? true) || !(check?.isLeaf ?? true)
        checked = Set(checkFields + count)
    }

    /// Of ``shown(for:)``, the fields only the condition read (`when`): they say why the
    /// rule applies to the case (当事人类型：法人 for a hearing), a missing one that it applies
    /// (no 听证日期: the ninety days run), not what the case lacks. A notice words them apart.
    public func conditions(in shown: [Int]) -> [Int] {
        shown.filter { !checked.contains($0) }
    }

    public func shown(for record: CaseRecord) -> [Int] {
        // Most rules have no connective to stop at: they read every field they name.
        guard readsByCase else { return fields }
        var read: [Int] = []
        when?.evaluate(record, fields: &read)
        check?.evaluate(record, fields: &read)
        read += count
        return fields.filter(read.contains)
    }
}
