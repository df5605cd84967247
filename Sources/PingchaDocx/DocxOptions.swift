import Foundation

/// How a document is laid out in Word. The defaults are the national standard GB/T 9704-2012;
/// a bureau whose machines lack the 方正 or GB2312 fonts can name others here.
public struct DocxOptions: Sendable, Equatable {
    /// Font names as Word looks them up (the Chinese names Word shows in its font list).
    public struct Fonts: Sendable, Equatable {
        /// 发文机关标志 and 标题: 方正小标宋简体.
        public var title: String
        /// 正文, 主送机关, 署名, the 1. level of headings: 仿宋_GB2312.
        public var body: String
        /// The 一、 level of headings and table captions: 黑体.
        public var heading1: String
        /// The （一） level of headings: 楷体_GB2312.
        public var heading2: String
        /// 页码: 宋体.
        public var pageNumber: String
        /// Latin letters and digits in every run.
        public var latin: String

        public init(title: String = "方正小标宋简体", body: String = "仿宋_GB2312", heading1: String = "黑体",
                    heading2: String = "楷体_GB2312", pageNumber: String = "宋体", latin: String = "Times New Roman") {
            self.title = title
            self.body = body
            self.heading1 = heading1
            self.heading2 = heading2
            self.pageNumber = pageNumber
            self.latin = latin
        }
    }

    /// Where page numbers go (页码位置).
    public enum PageNumbers: Sendable, Equatable {
        /// GB/T 9704: odd pages on the right, even pages on the left, one character in from the
        /// edge of the type area (单页码居右空一字，双页码居左空一字).
        case outside
        /// Every page at the bottom centre.
        case centre
        case none
    }

    public var fonts: Fonts
    /// Prints 版头: 发文机关标志 in red and the red separator line (版头分隔线). Off, the issuer
    /// and document number are printed in black without the line (e.g. for a draft).
    public var redHeader: Bool
    public var pageNumbers: PageNumbers
    /// 发文机关标志 size in points; GB/T 9704 leaves it to the issuer, 小初 (36 pt) is usual.
    public var issuerFontSize: Double
    /// Table text size in points: 小四 (12 pt) fits a department table of seven columns; 四号 (14) also
    /// conforms.
    public var tableFontSize: Double
    /// 文档属性 (docProps/core.xml): creator and the created/modified time. Fixed by default so the
    /// same report gives the same bytes.
    public var author: String
    public var timestamp: Date

    public init(fonts: Fonts = Fonts(), redHeader: Bool = true, pageNumbers: PageNumbers = .outside,
                issuerFontSize: Double = 36, tableFontSize: Double = 12, author: String = "Pingcha",
                timestamp: Date = Date(timeIntervalSince1970: 1_577_836_800)) {
        self.fonts = fonts
        self.redHeader = redHeader
        self.pageNumbers = pageNumbers
        self.issuerFontSize = issuerFontSize
        self.tableFontSize = tableFontSize
        self.author = author
        self.timestamp = timestamp
    }
}
