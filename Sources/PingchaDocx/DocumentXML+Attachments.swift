import PingchaDocuments

/// 附件说明 and 附件 (GB/T 9704 7.3.4 and 8).
extension DocumentXML {
    /// 附件说明: one line under the body, two characters in; "附件：" then the names, a name that
    /// wraps and every later name standing under the first name (hanging indents on the grid).
    mutating func write(_ note: AttachmentNote) {
        let lead = Double(TableXML.displayWidth(AttachmentNote.lead)) / 2
        for (i, item) in note.items.enumerated() {
            let number = Double(TableXML.displayWidth(item.number)) / 2
            var p = ParagraphProperties()
            p.keepNext = i + 1 < note.items.count
            if i == 0 { p.spacingBefore = PageGeometry.linePitch }
            p.leftCharacters = 2 + lead + number
            p.hangingCharacters = (i == 0 ? lead : 0) + number
            let text = (i == 0 ? AttachmentNote.lead : "") + item.number + item.title
            paragraph(.attachmentNote, p, runs: [Run(text)])
        }
    }

    /// One attachment on a new page: "附件1" in 黑体 at the top left, its title centred two lines
    /// under it (on the third line), then its blocks laid out as the body's.
    mutating func writeAttachment(of document: OfficialDocument, at index: Int) {
        let attachment = document.attachments[index]
        pageBreakPending = true
        paragraph(.attachmentLabel, ParagraphProperties(keepNext: true), runs: [Run(document.attachmentLabel(index))])
        paragraph(.title, ParagraphProperties(spacingBefore: PageGeometry.linePitch), runs: [Run(attachment.title)])
        for block in attachment.blocks { write(block) }
    }
}
