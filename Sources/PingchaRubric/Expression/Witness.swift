import PingchaModel

/// Which fields decided a boolean expression for one case: the values a finding shows.
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
