#if canImport(Glibc)
import Glibc
#endif
import CCSV
import PingchaModel

/// One parsed CSV record: its fields' UTF-8 bytes and the physical lines it spans.
/// The bytes belong to the reader and are valid only during the callback.
struct RecordView {
    var startLine: Int
    var endLine: Int
    /// The first field's first byte; field `i` ends at `bytes + ends[i]`.
    let bytes: UnsafePointer<UInt8>
    let ends: UnsafeBufferPointer<Int>

    var fieldCount: Int { ends.count }

    func field(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let start = i == 0 ? 0 : ends[i - 1]
        return UnsafeBufferPointer(start: bytes + start, count: ends[i] - start)
    }

    func string(_ i: Int) -> String { String(decoding: field(i), as: UTF8.self) }

    /// Field `i`, or an empty one past the end of the record: a workbook row ends at its last
    /// filled cell, so a short row is not a damaged one.
    func fieldOrEmpty(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        i < fieldCount ? field(i) : UnsafeBufferPointer(start: bytes, count: 0)
    }

    func stringOrEmpty(_ i: Int) -> String { i < fieldCount ? string(i) : "" }

    /// The record written back as one CSV line, for rejects (at most `limit` bytes).
    func rawText(limit: Int = 4000) -> String {
        var out: [UInt8] = []
        for i in 0..<fieldCount {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            CSVText.appendField(string(i), to: &out)
            if out.count > limit { break }
        }
        return RecordView.truncate(out, limit: limit)
    }

    static func truncate(_ bytes: [UInt8], limit: Int) -> String {
        guard bytes.count > limit else { return String(decoding: bytes, as: UTF8.self) }
        var cut = limit
        while cut > 0 && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        return String(decoding: bytes[0..<cut], as: UTF8.self) + "…"
    }
}

/// What the reader reports, in file order.
enum RecordEvent {
    case record(RecordView)
    /// A quoted field opened at `startLine` and never closed before the end of the file.
    case unterminatedQuote(startLine: Int, endLine: Int, raw: String)
    /// A record grew past the record limit (a runaway quote); it was skipped
    /// up to the line where its quote closed.
    case oversized(startLine: Int, endLine: Int, raw: String)
    /// Bytes that are not valid in the file's encoding; they read as U+FFFD.
    case invalidBytes(line: Int, column: Int)
    /// A workbook cell holding an error (`#N/A`, `#DIV/0!`) or a broken reference; the field
    /// reads as empty.
    case cellError(line: Int, column: Int, text: String)
    /// A quoted field with text after its closing quote, read as one value (``StrayQuotes``).
    case textAfterQuote(line: Int, column: Int, value: String)
}

/// Streams the records of one CSV file through libcsv, tracking physical line numbers.
///
/// libcsv does not count lines, so the input is fed one physical line at a time: after each
/// line the parser's state says whether a record is still open (a quoted field with an
/// embedded newline), which gives every record the line it starts on. Blank lines are
/// skipped by libcsv and start no record.
final class CSVRecordReader {
    /// The most bytes one record may hold before it is treated as a runaway quote. Excel
    /// cells hold at most 32,767 characters, so no real record comes near this.
    static let defaultRecordLimit = 8 << 20
    let recordLimit: Int

    private let file: ChunkedFile
    private let detection: EncodingDetector.Result

    /// The record being assembled, reached by libcsv's callbacks through a raw pointer so
    /// that the per-field callback touches no Swift object (no retain, no exclusivity check).
    fileprivate let row: UnsafeMutablePointer<RowBuffer>
    fileprivate var line = 1
    fileprivate var pendingStart: Int?
    fileprivate var handler: ((RecordEvent) -> Void)?
    /// Set while the rest of a rejected oversized record is being discarded.
    fileprivate var discarding = false

    private var parser = csv_parser()
    /// Skip mode: inside the runaway quoted field, looking for its closing quote.
    private var skippingQuoted = false
    private var skipStart = 0
    private var skipRaw = ""

    init(file: ChunkedFile, detection: EncodingDetector.Result, recordLimit: Int = CSVRecordReader.defaultRecordLimit) {
        self.file = file
        self.recordLimit = recordLimit
        self.detection = detection
        row = .allocate(capacity: 1)
        row.initialize(to: RowBuffer())
    }

    deinit {
        csv_free(&parser)
        row.pointee.release()
        row.deinitialize(count: 1)
        row.deallocate()
    }

    func read(_ onEvent: @escaping (RecordEvent) -> Void) throws(PingchaError) {
        handler = onEvent
        row.pointee.owner = Unmanaged.passUnretained(self).toOpaque()
        defer { handler = nil }
        guard csv_init(&parser, 0) == 0 else { throw .unreadable(file.path, detail: "libcsv 初始化失败") }
        csv_set_blk_size(&parser, 1 << 16)

        if detection.encoding == .gb18030 || detection.encoding.isUTF16 || detection.damaged {
            // Decoding runs on its own thread, a block ahead of parsing.
            let decoder = BlockDecoder(file: file, detection: detection)
            decoder.start()
            defer { if !stopRequested { sha256 = decoder.sha256 } }
            while let block = decoder.next() {
                for (line, column) in block.invalid { handler?(.invalidBytes(line: line, column: column)) }
                if !stopRequested { block.bytes.withUnsafeBytes { feed($0) } }
                decoder.recycle(block)
            }
            if let failure = decoder.failure { throw failure }
        } else {
            var skipBOM = detection.bomLength
            let digest = SHA256Digest()
            try file.forEachBlock { block throws(PingchaError) in
                digest.update(block)
                if stopRequested { return }
                var block = block
                if skipBOM > 0 {
                    let n = min(skipBOM, block.count)
                    block = UnsafeRawBufferPointer(rebasing: block[n...])
                    skipBOM -= n
                }
                feed(block)
            }
            if !stopRequested { sha256 = digest.finish() }
        }
        finish()
    }

    /// Set from the event handler to stop reading (the file was refused at its header).
    var stopRequested = false
    /// The SHA-256 of the file's bytes, once it was read to the end.
    private(set) var sha256: String?

    /// Feeds decoded UTF-8 bytes, one physical line at a time.
    private func feed(_ bytes: UnsafeRawBufferPointer) {
        var start = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return }
        while start < count {
            let hit = memchr(base + start, 0x0A, count - start)
            let newline: Int? = hit.map { UnsafeRawPointer($0) - (base + start) }
            let length = newline.map { $0 + 1 } ?? (count - start)
            let segment = UnsafeRawBufferPointer(start: base + start, count: length)
            start += length
            if stopRequested { return }
            if !delimiterChosen { chooseDelimiter(segment) }
            if skippingQuoted {
                let consumed = skipQuoted(segment)
                if consumed < segment.count {
                    // The runaway quote closed: the rest of this record is parsed and dropped.
                    skippingQuoted = false
                    discarding = true
                    pendingStart = line
                    parseSegment(UnsafeRawBufferPointer(rebasing: segment[consumed...]))
                }
            } else {
                if pendingStart == nil { pendingStart = line }
                if let repaired = StrayQuotes.repair(segment, start: parserStart, delimiter: delimiter) {
                    let before = row.pointee.endsCount
                    for (field, value) in zip(repaired.fields, repaired.values) {
                        handler?(.textAfterQuote(line: line, column: before + field + 1, value: value))
                    }
                    repaired.bytes.withUnsafeBytes { parseSegment($0) }
                } else {
                    parseSegment(segment)
                }
                if row.pointee.count + parser.entry_pos > recordLimit { beginSkipping() }
            }
            lastFedNewline = newline != nil
            if newline != nil {
                line += 1
                if !recordOpen && !skippingQuoted { pendingStart = nil }
            }
        }
    }

    /// The field separator, decided on the first line that has one of the candidates: comma
    /// (CSV), tab (Excel's "Unicode 文本", `.txt` and `.tsv` exports) or semicolon (CSV from
    /// European locales). Lines before it (a title) are one field whatever the separator.
    private(set) var delimiter: UInt8 = 0x2C
    private var delimiterChosen = false

    private func chooseDelimiter(_ line: UnsafeRawBufferPointer) {
        var counts = (comma: 0, tab: 0, semicolon: 0)
        var quoted = false
        for b in line {
            switch b {
            case 0x22: quoted.toggle()
            case 0x2C where !quoted: counts.comma += 1
            case 0x09 where !quoted: counts.tab += 1
            case 0x3B where !quoted: counts.semicolon += 1
            default: break
            }
        }
        guard counts.comma + counts.tab + counts.semicolon > 0 else { return }
        delimiterChosen = true
        if counts.tab > counts.comma && counts.tab >= counts.semicolon {
            delimiter = 0x09
        } else if counts.semicolon > counts.comma && counts.semicolon > counts.tab {
            delimiter = 0x3B
        } else {
            return
        }
        csv_set_delim(&parser, delimiter)
        // A tab separates fields here: it is no longer white space around a field.
        if delimiter == 0x09 { csv_set_space_func(&parser, { $0 == 0x20 ? 1 : 0 }) }
    }

    private var recordOpen: Bool { parser.pstate != 0 || row.pointee.endsCount > 0 }

    /// Where libcsv stands before the next byte (its states: 0 row not begun, 1 field not
    /// begun, 2 field begun, 3 a quote seen inside a quoted field).
    private var parserStart: StrayQuotes.Start {
        switch parser.pstate {
        case 0, 1: return .fieldStart
        case 2: return parser.quoted != 0 ? .quoted : .unquoted
        default: return .unsure
        }
    }

    private func parseSegment(_ segment: UnsafeRawBufferPointer) {
        _ = csv_parse(&parser, segment.baseAddress, segment.count, fieldEnded, rowEnded, UnsafeMutableRawPointer(row))
    }

    /// The bytes of the record so far plus libcsv's unfinished field, for a reject's raw text.
    private func partialRecordText() -> String {
        var raw = Array(UnsafeBufferPointer(start: row.pointee.bytes, count: min(row.pointee.count, 4000)))
        raw.append(contentsOf: UnsafeBufferPointer(start: parser.entry_buf, count: min(parser.entry_pos, 4000)))
        return RecordView.truncate(raw, limit: 4000)
    }

    /// Drops the record in progress and scans for the end of its open quoted field.
    private func beginSkipping() {
        skipStart = pendingStart ?? line
        skipRaw = partialRecordText()
        let insideQuote = parser.quoted != 0 && parser.pstate == 2
        csv_free(&parser)
        _ = csv_init(&parser, 0)
        csv_set_blk_size(&parser, 1 << 16)
        if delimiter != 0x2C { csv_set_delim(&parser, delimiter) }
        if delimiter == 0x09 { csv_set_space_func(&parser, { $0 == 0x20 ? 1 : 0 }) }
        row.pointee.clear()
        handler?(.oversized(startLine: skipStart, endLine: line, raw: skipRaw))
        if insideQuote { skippingQuoted = true } else { discarding = true }
        pendingStart = nil
    }

    /// Returns how many bytes of `segment` lie inside the runaway quoted field (the closing
    /// quote included); `segment.count` when it does not close in this segment.
    private var skipSawQuote = false
    private func skipQuoted(_ segment: UnsafeRawBufferPointer) -> Int {
        var i = 0
        while i < segment.count {
            let b = segment[i]
            if skipSawQuote {
                skipSawQuote = false
                if b != 0x22 { return i }   // the previous quote closed the field
            } else if b == 0x22 {
                skipSawQuote = true
            }
            i += 1
        }
        return i
    }

    private func finish() {
        if skippingQuoted {
            skippingQuoted = false
            // Already reported as oversized from its first line; the report stands.
            return
        }
        if parser.pstate == 2 && parser.quoted != 0 {
            let lastLine = line - (endsWithNewline ? 1 : 0)
            handler?(.unterminatedQuote(startLine: pendingStart ?? lastLine, endLine: lastLine, raw: partialRecordText()))
            row.pointee.clear()
            return
        }
        _ = csv_fini(&parser, fieldEnded, rowEnded, UnsafeMutableRawPointer(row))
    }

    private var lastFedNewline = false
    private var endsWithNewline: Bool { lastFedNewline }

    fileprivate func emitRecord() {
        defer {
            row.pointee.clear()
            pendingStart = nil
        }
        if discarding { discarding = false; return }
        let start = pendingStart ?? line
        let r = row.pointee
        handler?(.record(RecordView(startLine: start, endLine: line, bytes: UnsafePointer(r.bytes),
                                    ends: UnsafeBufferPointer(start: r.ends, count: r.endsCount))))
    }
}

/// The fields of the record being parsed: one byte arena and the end offset of each field.
struct RowBuffer {
    var bytes: UnsafeMutablePointer<UInt8> = .allocate(capacity: 1 << 16)
    var capacity = 1 << 16
    var count = 0
    var ends: UnsafeMutablePointer<Int> = .allocate(capacity: 128)
    var endsCapacity = 128
    var endsCount = 0
    var owner: UnsafeMutableRawPointer?

    mutating func append(_ data: UnsafeRawPointer, _ length: Int) {
        if count + length > capacity {
            var newCapacity = capacity * 2
            while count + length > newCapacity { newCapacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.update(from: bytes, count: count)
            bytes.deallocate()
            bytes = grown
            capacity = newCapacity
        }
        (bytes + count).update(from: data.assumingMemoryBound(to: UInt8.self), count: length)
        count += length
    }

    mutating func endField() {
        if endsCount == endsCapacity {
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: endsCapacity * 2)
            grown.update(from: ends, count: endsCount)
            ends.deallocate()
            ends = grown
            endsCapacity *= 2
        }
        ends[endsCount] = count
        endsCount += 1
    }

    mutating func clear() {
        count = 0
        endsCount = 0
    }

    func release() {
        bytes.deallocate()
        ends.deallocate()
    }
}

private func fieldEnded(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    let row = context!.assumingMemoryBound(to: RowBuffer.self)
    if let data, length > 0 { row.pointee.append(data, length) }
    row.pointee.endField()
}

private func rowEnded(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    let row = context!.assumingMemoryBound(to: RowBuffer.self)
    Unmanaged<CSVRecordReader>.fromOpaque(row.pointee.owner!).takeUnretainedValue().emitRecord()
}

extension UnsafeRawBufferPointer {
    /// Occurrences of `byte`, found with memchr (line feeds in a megabyte block).
    func count(of byte: UInt8) -> Int {
        guard var p = baseAddress else { return 0 }
        let end = p + count
        var n = 0
        while p < end, let hit = memchr(p, Int32(byte), end - p) {
            n += 1
            p = UnsafeRawPointer(hit) + 1
        }
        return n
    }
}
