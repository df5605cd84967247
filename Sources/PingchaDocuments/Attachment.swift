/// An attachment (附件) of an official document: a list or table too long for the body, printed
/// after the signature on pages of its own (GB/T 9704-2012 8: 附件应当另面编排，并在版记之前).
public struct Attachment: Sendable, Equatable {
    /// 附件名称, e.g. "行政执法案卷评查问题清单": printed as the attachment's title and named in
    /// the body's 附件说明.
    public var title: String
    public var blocks: [Block]

    public init(title: String, blocks: [Block] = []) {
        self.title = title
        self.blocks = blocks
    }
}

/// 附件说明 (GB/T 9704 7.3.4): one line under the body, two characters in, "附件：" and the
/// attachments' names; several are numbered "1." "2." and each later name stands under the
/// first; no punctuation after a name.
public struct AttachmentNote: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        /// "1." … or "" when the document has one attachment only.
        public var number: String
        public var title: String
    }

    public static let lead = "附件："
    public var items: [Item]

    /// The lines as plain text: "附件：1.名称", then "　　　2.名称" indented with full-width spaces
    /// under the first name (Markdown, and any reader without indents).
    public var lines: [String] {
        items.enumerated().map { i, item in
            (i == 0 ? Self.lead : String(repeating: "\u{3000}", count: Self.lead.count)) + item.number + item.title
        }
    }
}

extension OfficialDocument {
    /// The label at the top left of attachment `index` (0-based): "附件" when there is one, else
    /// "附件1", "附件2" (GB/T 9704 8).
    public func attachmentLabel(_ index: Int) -> String {
        attachments.count == 1 ? "附件" : "附件\(index + 1)"
    }

    /// The body's 附件说明, nil without attachments.
    public var attachmentNote: AttachmentNote? {
        guard !attachments.isEmpty else { return nil }
        let numbered = attachments.count > 1
        return AttachmentNote(items: attachments.enumerated().map { i, a in
            AttachmentNote.Item(number: numbered ? "\(i + 1)." : "", title: a.title)
        })
    }
}
