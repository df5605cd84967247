/// One block of a document body.
public enum Block: Sendable, Equatable {
    /// A heading. Level 1 is the 一、 level (黑体), level 2 the （一） level (楷体), level 3 the
    /// 1. level (仿宋 bold).
    case heading(level: Int, text: String)
    case paragraph([Run])
    case table(Table)
    /// A chart: inline SVG in HTML, a native DrawingML chart in DOCX (drawn from its cached
    /// figures); Markdown leaves it out (its figures are always in a table or the text as well).
    case chart(Chart)
    /// Starts a new page in print (DOCX page break, HTML `break-before: page`).
    case pageBreak
}

/// A stretch of text with one style.
public struct Run: Sendable, Equatable {
    public var text: String
    public var strong: Bool

    public init(_ text: String, strong: Bool = false) {
        self.text = text
        self.strong = strong
    }
}

extension Block {
    /// A paragraph of plain text.
    public static func text(_ text: String) -> Block { .paragraph([Run(text)]) }
}
