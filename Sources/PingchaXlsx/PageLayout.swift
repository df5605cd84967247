/// How a worksheet prints on A4. Fitting every column to one page width keeps a table
/// together but shrinks a wide one until it cannot be read, so only a sheet that needs
/// little shrinking is fitted; a wider one prints at full size across several pages, its
/// key columns (case number, department) repeated on each, pages ordered across then down
/// so that the pieces of the same rows follow one another.
struct PageLayout: Equatable {
    var landscape: Bool
    /// Fitted to one page width (`fitToWidth="1"`), as many pages down as needed.
    var fitsWidth: Bool

    /// The usable width of A4 with the sheet's 0.5-inch side margins, in points.
    static let portraitWidth = 523.0
    static let landscapeWidth = 770.0
    /// Text is not shrunk below this (11 pt becomes 8.25 pt).
    static let smallestScale = 0.75

    /// How much the sheet is shrunk to fit the page width (1 when it is not fitted).
    var scale = 1.0

    /// Usable height of the page in points: A4 less the 0.75-inch top and bottom margins
    /// (the header and footer lines print inside them), and a little to spare.
    var pageHeight: Double { (landscape ? 595.0 : 842.0) - 108 - 6 }

    /// The height of the page in the sheet's own points (more when the sheet is shrunk).
    var sheetPointsPerPage: Double { pageHeight / scale }

    /// For columns `widths` wide (in digit widths; a digit of 11-pt 等线 is about 7 px, 5.25 pt);
    /// `alwaysFits` fits the width however much that shrinks the text (``SheetOptions/fitsPageWidth``).
    init(widths: [Double], alwaysFits: Bool = false) {
        let points = widths.reduce(0, +) * 5.25
        if points <= Self.portraitWidth / 0.9 {
            landscape = false
            fitsWidth = true
        } else {
            landscape = true
            fitsWidth = alwaysFits || points <= Self.landscapeWidth / Self.smallestScale
        }
        if fitsWidth { scale = min(1, (landscape ? Self.landscapeWidth : Self.portraitWidth) / max(points, 1)) }
    }

    init(landscape: Bool, fitsWidth: Bool) {
        self.landscape = landscape
        self.fitsWidth = fitsWidth
    }
}
