/// A document as the bureau sends it (公文): the parts GB/T 9704 names, in the order they appear.
/// Every output format (Markdown, HTML, DOCX) renders this one value, so the wording lives in the
/// templates and nowhere else.
public struct OfficialDocument: Sendable, Equatable {
    /// 发文机关标志, e.g. "克拉玛依市司法局" (printed above the document number).
    public var issuer: String?
    /// 发文字号, e.g. "克司通〔2025〕3号", or "克司通〔2025〕　　号" with the number left blank to be
    /// written in when the document is registered (``DocumentNumber``).
    public var documentNumber: String?
    /// 标题.
    public var title: String
    /// 主送机关, e.g. "市直各行政执法部门：".
    public var recipients: String?
    /// 正文.
    public var blocks: [Block]
    /// 发文机关署名 and 成文日期, printed under the body on the right.
    public var signature: Signature?
    /// 附件, each on pages of its own after the signature. The body's 附件说明 is made from their
    /// titles (``attachmentNote``), so it can never name an attachment that is not there.
    public var attachments: [Attachment]
    /// 版记: 抄送, 印发机关 and 印发日期 at the foot of the last page.
    public var colophon: Colophon?

    public init(issuer: String? = nil, documentNumber: String? = nil, title: String, recipients: String? = nil,
                blocks: [Block] = [], signature: Signature? = nil, attachments: [Attachment] = [],
                colophon: Colophon? = nil) {
        self.issuer = issuer
        self.documentNumber = documentNumber
        self.title = title
        self.recipients = recipients
        self.blocks = blocks
        self.signature = signature
        self.attachments = attachments
        self.colophon = colophon
    }
}

/// 发文机关署名 and 成文日期 (the date written in Chinese form, e.g. "2025年12月1日").
public struct Signature: Sendable, Equatable {
    public var organisation: String
    public var date: String

    public init(organisation: String, date: String) {
        self.organisation = organisation
        self.date = date
    }
}
