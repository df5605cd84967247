/// The unit bracketed in a column header, as in `罚款金额（万元）`.
///
/// Large fines are often tabulated in 万元; a bare `1.5` in such a column is 15000 yuan. A
/// cell that names its own unit (`5000元`, `1.2万`) is taken at its word instead.
enum HeaderUnit {
    /// The power of ten bare numbers under `unit` are multiplied by; 0 for no unit or one
    /// that is not a money magnitude (`人`, `%`, `美元`), which leaves values unchanged.
    static func exponent(_ unit: String?) -> Int {
        guard let unit else { return 0 }
        switch String(CellTrimming.trim(Substring(unit))) {
        case "千元", "千": return 3
        case "万元", "万": return 4
        case "亿元", "亿": return 8
        default: return 0
        }
    }
}
