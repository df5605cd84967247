/// 版记 (GB/T 9704 7.4): the block at the foot of the document's last page, between rules the
/// width of the type area: 抄送 on one line, 印发机关 and 印发日期 on the next.
public struct Colophon: Sendable, Equatable {
    /// 抄送机关, e.g. "市人民政府办公室，各区司法局" (the renderers add "抄送：" and the final 。).
    public var copyTo: String?
    /// 印发机关, e.g. "克拉玛依市司法局办公室".
    public var printedBy: String?
    /// 印发日期 as written, "2025年12月3日" (the renderers add 印发).
    public var printedOn: String?

    public init(copyTo: String? = nil, printedBy: String? = nil, printedOn: String? = nil) {
        self.copyTo = copyTo
        self.printedBy = printedBy
        self.printedOn = printedOn
    }

    /// "抄送：…。", ending with the full stop the standard asks for; nil without 抄送.
    public var copyToLine: String? {
        guard let copyTo, !copyTo.isEmpty else { return nil }
        let names = copyTo.hasSuffix("。") ? String(copyTo.dropLast()) : copyTo
        return "抄送：\(names)。"
    }

    /// "2025年12月3日印发"; nil without a date.
    public var printedOnText: String? {
        guard let printedOn, !printedOn.isEmpty else { return nil }
        return printedOn.hasSuffix("印发") ? printedOn : printedOn + "印发"
    }
}
