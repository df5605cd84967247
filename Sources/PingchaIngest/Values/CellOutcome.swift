import PingchaModel

/// Outcome of normalising one cell.
///
/// A cell that cannot be read is not an error of the run: the caller reports it against the
/// case and the column, so the outcome carries the Chinese wording of what was expected.
public enum CellOutcome: Equatable, Sendable {
    /// Empty, only whitespace, or a placeholder such as `/` or `N/A`.
    case missing
    case value(FieldValue)
    /// Accepted, but something was dropped, kept or guessed that a reviewer should hear about.
    case valueWithNote(FieldValue, note: String)
    /// Chinese description of what was expected, e.g. "日期（如 2024-03-05、2024/3/5、2024年3月5日）".
    case invalid(expected: String)

    /// The accepted value, with or without a note.
    public var value: FieldValue? {
        switch self {
        case .value(let v), .valueWithNote(let v, _): return v
        case .missing, .invalid: return nil
        }
    }
}
