/// A document as the bureau sends it (公文): the parts GB/T 9704 names, in the order they appear.
/// Every output format (Markdown, HTML, DOCX) renders this one value, so the wording lives in the
/// templates and nowhere else.
public struct OfficialDocument: Sendable, Equatable {
    /// 发文机关标志, e.g. "克拉玛依市司法局" (printed above the document number).
    public var issuer: String?
    /// 发文字号, e.g. "克司通〔2025〕3号".
    public var documentNumber: String?
    /// 标题.
    public var title: String
    /// 主送机关, e.g. "各行政执法部门：".
    public var recipients: String?
    /// 正文.
    public var blocks: [Block]
    /// 发文机关署名 and 成文日期, printed under the body on the right.
    public var signature: Signature?

    public init(issuer: String? = nil, documentNumber: String? = nil, title: String, recipients: String? = nil,
                blocks: [Block] = [], signature: Signature? = nil) {
        self.issuer = issuer
        self.documentNumber = documentNumber
        self.title = title
        self.recipients = recipients
        self.blocks = blocks
        self.signature = signature
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
