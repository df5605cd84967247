import PingchaModel

/// Small hand-made CSV files (reviewer lists, samples) read whole, with the same encoding
/// detection and parsing as exports: rows of cells with their line numbers, header included.
public enum PlainCSV {
    public static func read(path: String) throws(PingchaError) -> [(line: Int, cells: [String])] {
        let file = try ChunkedFile(path: path)
        let detection = try EncodingDetector.detect(file, choice: .auto)
        let reader = CSVRecordReader(file: file, detection: detection)
        var rows: [(Int, [String])] = []
        var failure: PingchaError?
        try reader.read { event in
            switch event {
            case .record(let r): rows.append((r.startLine, (0..<r.fieldCount).map { String(r.string($0).trimmingSpaces) }))
            case .unterminatedQuote(let line, _, _), .oversized(let line, _, _):
                failure = .located(SourceLocation(file: path, line: line), "引号未闭合")
            case .invalidBytes, .cellError, .textAfterQuote: break
            }
        }
        if let failure { throw failure }
        return rows
    }
}
