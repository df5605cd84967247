/// What can be varied about the HTML output without changing the document.
public struct HTMLOptions: Sendable, Equatable {
    /// The `lang` of the page, which also picks the CJK glyph variants browsers use.
    public var language: String
    /// Appended after the built-in stylesheet, so its rules win (e.g. a bureau's own colours).
    public var extraCSS: String?
    /// `<meta name="generator">`; nil leaves it out.
    public var generator: String?

    public init(language: String = "zh-CN", extraCSS: String? = nil, generator: String? = "Pingcha") {
        self.language = language
        self.extraCSS = extraCSS
        self.generator = generator
    }
}
