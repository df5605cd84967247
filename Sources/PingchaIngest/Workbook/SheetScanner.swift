#if canImport(Glibc)
import Glibc
#endif

/// The elements of a worksheet that reading acts on, by local name (`x:c` is `c`).
enum SheetElement {
    case row, c, v, t, `is`, rPh, sheetData, other
}

/// The attributes of a worksheet element that reading needs, as raw values: `r` (the cell
/// reference or row number), `s` (the style) and `t` (the cell type). Borrowed for the
/// duration of a callback.
struct SheetAttributes {
    var r: UnsafeBufferPointer<UInt8>?
    var s: UnsafeBufferPointer<UInt8>?
    var t: UnsafeBufferPointer<UInt8>?

    /// A non-negative decimal integer value; nil when absent or not one.
    static func integer(_ value: UnsafeBufferPointer<UInt8>?) -> Int? {
        guard let value, !value.isEmpty, value.count < 19 else { return nil }
        var n = 0
        for b in value {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            n = n * 10 + Int(b - 0x30)
        }
        return n
    }
}

/// What the worksheet reader does with the parts of a sheet's XML.
protocol SheetEventSink {
    mutating func start(_ element: SheetElement, _ attributes: SheetAttributes)
    /// Returns false to stop reading (the rest of the part is not needed).
    mutating func end(_ element: SheetElement) -> Bool
    /// Character data, in pieces, entities already replaced.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// A reader of worksheet XML written for the one document that is large: a sheet holds every
/// cell of an export (1.65 GB of XML for a million cases), and libexpat's general machinery —
/// a callback through C for every start tag, end tag and text node, every attribute split out
/// and NUL-terminated — took most of the time of reading a workbook (BENCHMARKS.md). This
/// reader walks the bytes once, looks only at the three attributes cells and rows carry, and
/// hands values over as byte ranges of its own buffer.
///
/// It reads the XML that SpreadsheetML writers produce, and checks what a damaged part would
/// break: tags closed in order, attribute syntax, entity references, UTF-8 text. A document
/// type declaration (which may declare entities) or an encoding other than UTF-8 is
/// ``Failure/unsupported``, before any event: the caller then reads the part with libexpat.
/// A malformed part is ``Failure/malformed`` at its byte offset; the caller asks libexpat for
/// the line and column a user can look up.
struct SheetScanner {
    enum Failure: Error, Equatable {
        case unsupported
        case malformed(String, offset: Int)
    }

    /// Tags and entity references longer than this are refused (no sheet has them; a damaged
    /// or hostile file must not make the carried bytes grow without bound).
    static let tagLimit = 1 << 22

    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    /// Bytes of the part before `buffer[0]`, for error offsets.
    private var consumed = 0
    private var stack: UnsafeMutablePointer<UInt64>
    private static let maxDepth = 256
    private var depth = 0
    private var inCDATA = false
    private var inProlog = true
    private var rootClosed = false
    private(set) var stopped = false
    /// Where entity references in text and attributes are replaced.
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity = 1 << 12

    init() {
        capacity = 1 << 19
        buffer = .allocate(capacity: capacity)
        stack = .allocate(capacity: Self.maxDepth)
        scratch = .allocate(capacity: scratchCapacity)
    }

    /// Frees the buffers; the scanner is not used after.
    mutating func release() {
        buffer.deallocate()
        stack.deallocate()
        scratch.deallocate()
    }

    /// Reads the next piece of the part; `final` marks the end of it.
    mutating func feed<Sink: SheetEventSink>(_ bytes: UnsafeRawBufferPointer, final: Bool, into sink: inout Sink) throws(Failure) {
        guard !stopped else { return }
        if count + bytes.count > capacity {
            var grown = capacity * 2
            while count + bytes.count > grown { grown *= 2 }
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            larger.update(from: buffer, count: count)
            buffer.deallocate()
            buffer = larger
            capacity = grown
        }
        if let base = bytes.baseAddress, !bytes.isEmpty {
            (buffer + count).update(from: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
            count += bytes.count
        }
        let used = try scan(final: final, into: &sink)
        if stopped { return }
        if final {
            if used < count || depth > 0 || inCDATA || !rootClosed {
                throw .malformed("文档未结束（缺少结束标签）", offset: consumed + used)
            }
            return
        }
        if count - used > Self.tagLimit { throw .malformed("标签过长", offset: consumed + used) }
        if used > 0 {
            buffer.update(from: buffer + used, count: count - used)
            consumed += used
            count -= used
        }
    }

    // MARK: scanning

    /// Scans the buffer; returns how many bytes were consumed (the rest is an incomplete tag).
    private mutating func scan<Sink: SheetEventSink>(final: Bool, into sink: inout Sink) throws(Failure) -> Int {
        let end = count
        var p = 0
        if consumed == 0 && inProlog && end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { p = 3 }
        while p < end && !stopped {
            if inCDATA {
                guard let close = find3(0x5D, 0x5D, 0x3E, from: p, to: end) else {
                    // Hand over all but what could be the start of `]]>`, a cut UTF-8
                    // sequence or a CR that a LF may follow.
                    let safe = completeText(p, max(p, end - 2))
                    if safe > p { try text(p, safe, raw: true, into: &sink) }
                    return safe
                }
                if close > p { try text(p, close, raw: true, into: &sink) }
                inCDATA = false
                p = close + 3
                continue
            }
            if buffer[p] != 0x3C {
                let lt = find(0x3C, from: p, to: end) ?? end
                var stop = lt
                if lt == end && !final { stop = safeTextEnd(p, end) }
                if stop > p { try text(p, stop, raw: false, into: &sink) }
                if stop < lt { return stop }
                p = lt
                continue
            }
            // A tag: `<` at p.
            guard p + 1 < end else { return p }
            let next = buffer[p + 1]
            if next == 0x2F {                                   // </name>
                guard let gt = find(0x3E, from: p + 2, to: end) else { return p }
                try endTag(p + 2, gt, into: &sink)
                p = gt + 1
            } else if next == 0x3F {                            // <?target … ?>
                guard let close = find2(0x3F, 0x3E, from: p + 2, to: end) else { return p }
                try instruction(p + 2, close)
                p = close + 2
            } else if next == 0x21 {                            // <!-- -->, <![CDATA[, <!DOCTYPE
                guard p + 9 <= end else { return p }
                if buffer[p + 2] == 0x2D && buffer[p + 3] == 0x2D {
                    guard let close = find3(0x2D, 0x2D, 0x3E, from: p + 4, to: end) else { return p }
                    p = close + 3
                } else if matches(p + 2, "[CDATA[") {
                    guard depth > 0 else { throw .malformed("CDATA 位于根元素之外", offset: consumed + p) }
                    inCDATA = true
                    p += 9
                } else if matches(p + 2, "DOCTYPE") && inProlog {
                    throw .unsupported
                } else {
                    throw .malformed("无效的标记", offset: consumed + p)
                }
            } else {
                guard let after = try startTag(p + 1, end, into: &sink) else { return p }
                p = after
            }
        }
        return p
    }

    /// The end of text that can be handed over when more bytes are to come: not inside an
    /// entity reference, a UTF-8 sequence or a CR that a LF may follow.
    private func safeTextEnd(_ start: Int, _ end: Int) -> Int {
        var stop = end
        // An entity reference is at most a few characters; an `&` near the end without its `;`.
        var i = end - 1
        while i >= start && i >= end - 12 {
            if buffer[i] == 0x3B { break }
            if buffer[i] == 0x26 { stop = i; break }
            i -= 1
        }
        return completeText(start, stop)
    }

    /// The end of `start..<end` without a cut UTF-8 sequence or a trailing CR.
    private func completeText(_ start: Int, _ end: Int) -> Int {
        var stop = end
        var j = stop
        while j > start && j > stop - 4 && buffer[j - 1] & 0xC0 == 0x80 { j -= 1 }
        if j > start && buffer[j - 1] >= 0xC0 { stop = j - 1 } else if j < stop && j > start { stop = j }
        if stop > start && buffer[stop - 1] == 0x0D { stop -= 1 }
        return stop
    }

    private mutating func text<Sink: SheetEventSink>(_ start: Int, _ end: Int, raw: Bool, into sink: inout Sink) throws(Failure) {
        var special = false
        var high = false
        var i = start
        while i < end {
            let b = buffer[i]
            if b == 0x26 || b == 0x0D { special = true } else if b >= 0x80 { high = true }
            i += 1
        }
        if depth == 0 {
            // Only white space may stand outside the root element.
            for k in start..<end where !Self.isSpace(buffer[k]) { throw .malformed("根元素之外有文本", offset: consumed + k) }
            return
        }
        if high, !Self.isUTF8(buffer + start, end - start) {
            throw .malformed("文本不是有效的 UTF-8", offset: consumed + start)
        }
        if !special {
            sink.text(UnsafeBufferPointer(start: buffer + start, count: end - start))
            return
        }
        let n = try decode(start, end, entities: !raw)
        sink.text(UnsafeBufferPointer(start: scratch, count: n))
    }

    /// Copies `buffer[start..<end]` to the scratch buffer with entity references replaced
    /// (unless `entities` is false, in CDATA) and line ends normalised to LF, as XML requires.
    private mutating func decode(_ start: Int, _ end: Int, entities: Bool) throws(Failure) -> Int {
        if end - start > scratchCapacity {
            scratch.deallocate()
            while end - start > scratchCapacity { scratchCapacity *= 2 }
            scratch = .allocate(capacity: scratchCapacity)
        }
        var n = 0
        var i = start
        while i < end {
            let b = buffer[i]
            if b == 0x0D {
                scratch[n] = 0x0A
                n += 1
                i += (i + 1 < end && buffer[i + 1] == 0x0A) ? 2 : 1
            } else if b == 0x26 && entities {
                guard let semi = find(0x3B, from: i + 1, to: min(end, i + 12)) else {
                    throw .malformed("实体引用未结束", offset: consumed + i)
                }
                guard let scalar = entity(i + 1, semi) else { throw .malformed("未定义的实体引用", offset: consumed + i) }
                n += Self.writeUTF8(scalar, to: scratch + n)
                i = semi + 1
            } else {
                scratch[n] = b
                n += 1
                i += 1
            }
        }
        return n
    }

    /// The character an entity reference between `&` and `;` stands for.
    private func entity(_ start: Int, _ end: Int) -> UInt32? {
        let length = end - start
        if length >= 2 && buffer[start] == 0x23 {                      // &#…;
            var value: UInt32 = 0
            var i = start + 1
            let hex = buffer[i] == 0x78
            if hex { i += 1 }
            guard i < end else { return nil }
            while i < end {
                let b = buffer[i]
                let digit: UInt32
                switch b {
                case 0x30...0x39: digit = UInt32(b - 0x30)
                case 0x61...0x66 where hex: digit = UInt32(b - 0x61 + 10)
                case 0x41...0x46 where hex: digit = UInt32(b - 0x41 + 10)
                default: return nil
                }
                value = value * (hex ? 16 : 10) + digit
                guard value <= 0x10FFFF else { return nil }
                i += 1
            }
            // Characters XML 1.0 allows.
            guard value == 0x9 || value == 0xA || value == 0xD || (value >= 0x20 && value < 0xD800)
                    || (value >= 0xE000 && value <= 0xFFFD) || value >= 0x10000 else { return nil }
            return value
        }
        if matches(start, "lt", length: length) { return 0x3C }
        if matches(start, "gt", length: length) { return 0x3E }
        if matches(start, "amp", length: length) { return 0x26 }
        if matches(start, "quot", length: length) { return 0x22 }
        if matches(start, "apos", length: length) { return 0x27 }
        return nil
    }

    /// `<?xml … ?>` and other processing instructions. The declaration's encoding must be
    /// UTF-8 for this reader (any other is read by libexpat).
    private mutating func instruction(_ start: Int, _ end: Int) throws(Failure) {
        guard end - start >= 3, matches(start, "xml"), end - start == 3 || Self.isSpace(buffer[start + 3]) else { return }
        guard inProlog else { throw .malformed("XML 声明不在文档开头", offset: consumed + start) }
        if let at = find2(0x67, 0x3D, from: start, to: end), at >= 7, matches(at - 7, "encodin") {   // encoding=
            var v = at + 2
            while v < end && Self.isSpace(buffer[v]) { v += 1 }
            guard v < end, buffer[v] == 0x22 || buffer[v] == 0x27, let close = find(buffer[v], from: v + 1, to: end) else {
                throw .malformed("XML 声明有误", offset: consumed + start)
            }
            let name = UnsafeBufferPointer(start: buffer + v + 1, count: close - v - 1)
            let lower = name.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
            guard lower.elementsEqual("utf-8".utf8) || lower.elementsEqual("utf8".utf8) else { throw .unsupported }
        }
    }

    /// A start tag from its name at `start`; returns the offset after `>`, or nil when the
    /// buffer ends inside it.
    private mutating func startTag<Sink: SheetEventSink>(_ start: Int, _ end: Int, into sink: inout Sink) throws(Failure) -> Int? {
        var p = start
        var local = start
        var hash: UInt64 = 0xcbf29ce484222325
        while p < end {
            let b = buffer[p]
            if Self.isSpace(b) || b == 0x3E || b == 0x2F { break }
            if b == 0x3C || b == 0x26 || b == 0x3D || b == 0x22 || b == 0x27 { throw .malformed("元素名无效", offset: consumed + p) }
            if b == 0x3A { local = p + 1 }
            hash = (hash ^ UInt64(b)) &* 0x100000001b3
            p += 1
        }
        guard p < end else { return nil }
        guard p > start, local < p else { throw .malformed("元素名无效", offset: consumed + start) }
        let element = Self.element(local, p - local, buffer)
        var attributes = SheetAttributes()
        var selfClosing = false
        var scratchUsed = 0
        while true {
            var spaced = false
            while p < end && Self.isSpace(buffer[p]) { p += 1; spaced = true }
            guard p < end else { return nil }
            let b = buffer[p]
            if b == 0x3E { p += 1; break }
            if b == 0x2F {
                guard p + 1 < end else { return nil }
                guard buffer[p + 1] == 0x3E else { throw .malformed("标签未正确结束", offset: consumed + p) }
                selfClosing = true
                p += 2
                break
            }
            guard spaced else { throw .malformed("属性之间缺少空白", offset: consumed + p) }
            // name = "value"
            let nameStart = p
            var nameLocal = p
            while p < end && buffer[p] != 0x3D && !Self.isSpace(buffer[p]) {
                let c = buffer[p]
                if c == 0x3E || c == 0x2F || c == 0x3C || c == 0x22 || c == 0x27 { throw .malformed("属性有误", offset: consumed + p) }
                if c == 0x3A { nameLocal = p + 1 }
                p += 1
            }
            let nameEnd = p
            while p < end && Self.isSpace(buffer[p]) { p += 1 }
            guard p < end else { return nil }
            guard buffer[p] == 0x3D, nameEnd > nameStart else { throw .malformed("属性有误", offset: consumed + p) }
            p += 1
            while p < end && Self.isSpace(buffer[p]) { p += 1 }
            guard p < end else { return nil }
            let quote = buffer[p]
            guard quote == 0x22 || quote == 0x27 else { throw .malformed("属性值缺少引号", offset: consumed + p) }
            // The value up to its quote, noting `&` and `<` on the way (one pass: values are short).
            var close = p + 1
            var special = false
            while close < end {
                let c = buffer[close]
                if c == quote { break }
                if c == 0x26 || c == 0x3C { special = true }
                close += 1
            }
            guard close < end else { return nil }
            if special, find(0x3C, from: p + 1, to: close) != nil { throw .malformed("属性值含有 <", offset: consumed + p) }
            if nameEnd - nameLocal == 1 && nameLocal == nameStart {
                let which = buffer[nameLocal]
                if which == 0x72 || which == 0x73 || which == 0x74 {      // r, s, t
                    var value = UnsafeBufferPointer(start: buffer + p + 1, count: close - p - 1)
                    if special {
                        // Rare: an entity in a cell reference, decoded into the scratch buffer
                        // (no text is being decoded while a tag is read).
                        value = try decodedAttribute(p + 1, close, at: &scratchUsed)
                    }
                    switch which {
                    case 0x72: attributes.r = value
                    case 0x73: attributes.s = value
                    default: attributes.t = value
                    }
                }
            }
            p = close + 1
        }
        if rootClosed { throw .malformed("根元素之后还有元素", offset: consumed + start) }
        inProlog = false
        if selfClosing {
            sink.start(element, attributes)
            if !sink.end(element) { stopped = true }
            if depth == 0 { rootClosed = true }
        } else {
            guard depth < Self.maxDepth else { throw .malformed("元素嵌套过深", offset: consumed + start) }
            stack[depth] = hash
            depth += 1
            sink.start(element, attributes)
        }
        return p
    }

    private mutating func decodedAttribute(_ start: Int, _ end: Int, at used: inout Int) throws(Failure) -> UnsafeBufferPointer<UInt8> {
        var i = start
        let base = used
        while i < end {
            if buffer[i] == 0x26 {
                guard let semi = find(0x3B, from: i + 1, to: min(end, i + 12)), let scalar = entity(i + 1, semi) else {
                    throw .malformed("未定义的实体引用", offset: consumed + i)
                }
                if used + 4 > scratchCapacity { throw .malformed("属性值过长", offset: consumed + i) }
                used += Self.writeUTF8(scalar, to: scratch + used)
                i = semi + 1
            } else {
                if used + 1 > scratchCapacity { throw .malformed("属性值过长", offset: consumed + i) }
                scratch[used] = buffer[i]
                used += 1
                i += 1
            }
        }
        return UnsafeBufferPointer(start: scratch + base, count: used - base)
    }

    private mutating func endTag<Sink: SheetEventSink>(_ start: Int, _ gt: Int, into sink: inout Sink) throws(Failure) {
        var p = start
        var local = start
        var hash: UInt64 = 0xcbf29ce484222325
        while p < gt && !Self.isSpace(buffer[p]) {
            if buffer[p] == 0x3A { local = p + 1 }
            hash = (hash ^ UInt64(buffer[p])) &* 0x100000001b3
            p += 1
        }
        let nameEnd = p
        while p < gt && Self.isSpace(buffer[p]) { p += 1 }
        guard p == gt, nameEnd > start else { throw .malformed("结束标签有误", offset: consumed + start) }
        guard depth > 0, stack[depth - 1] == hash else { throw .malformed("结束标签与开始标签不符", offset: consumed + start) }
        depth -= 1
        if depth == 0 { rootClosed = true }
        if !sink.end(Self.element(local, nameEnd - local, buffer)) { stopped = true }
    }

    // MARK: helpers

    @inline(__always)
    private static func element(_ start: Int, _ length: Int, _ b: UnsafeMutablePointer<UInt8>) -> SheetElement {
        switch length {
        case 1:
            switch b[start] {
            case 0x63: return .c
            case 0x76: return .v
            case 0x74: return .t
            default: return .other
            }
        case 2: return b[start] == 0x69 && b[start + 1] == 0x73 ? .is : .other
        case 3:
            if b[start] == 0x72 && b[start + 1] == 0x6F && b[start + 2] == 0x77 { return .row }
            if b[start] == 0x72 && b[start + 1] == 0x50 && b[start + 2] == 0x68 { return .rPh }
            return .other
        case 9: return memcmp(b + start, "sheetData", 9) == 0 ? .sheetData : .other
        default: return .other
        }
    }

    @inline(__always)
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }

    private func matches(_ at: Int, _ text: StaticString, length: Int? = nil) -> Bool {
        let n = text.utf8CodeUnitCount
        if let length, length != n { return false }
        guard at + n <= count else { return false }
        return memcmp(buffer + at, text.utf8Start, n) == 0
    }

    /// The first `byte` in `from..<to`. Most searches end within a few bytes (a cell's value,
    /// an attribute's), where a call to memchr costs more than the loop: memchr only past 16.
    @inline(__always)
    private func find(_ byte: UInt8, from: Int, to: Int) -> Int? {
        var i = from
        let near = min(to, from + 16)
        while i < near {
            if buffer[i] == byte { return i }
            i += 1
        }
        guard i < to, let hit = memchr(buffer + i, Int32(byte), to - i) else { return nil }
        return UnsafeMutablePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - buffer
    }

    private func find2(_ a: UInt8, _ b: UInt8, from: Int, to: Int) -> Int? {
        var i = from
        while let at = find(a, from: i, to: to) {
            if at + 1 >= to { return nil }
            if buffer[at + 1] == b { return at }
            i = at + 1
        }
        return nil
    }

    private func find3(_ a: UInt8, _ b: UInt8, _ c: UInt8, from: Int, to: Int) -> Int? {
        var i = from
        while let at = find(a, from: i, to: to) {
            if at + 2 >= to { return nil }
            if buffer[at + 1] == b && buffer[at + 2] == c { return at }
            i = at + 1
        }
        return nil
    }

    private static func writeUTF8(_ scalar: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
        switch scalar {
        case 0..<0x80:
            out[0] = UInt8(scalar)
            return 1
        case 0x80..<0x800:
            out[0] = UInt8(0xC0 | (scalar >> 6))
            out[1] = UInt8(0x80 | (scalar & 0x3F))
            return 2
        case 0x800..<0x10000:
            out[0] = UInt8(0xE0 | (scalar >> 12))
            out[1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            out[2] = UInt8(0x80 | (scalar & 0x3F))
            return 3
        default:
            out[0] = UInt8(0xF0 | (scalar >> 18))
            out[1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
            out[2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            out[3] = UInt8(0x80 | (scalar & 0x3F))
            return 4
        }
    }

    /// Whether the bytes are well-formed UTF-8 (no overlong forms, no surrogates).
    static func isUTF8(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i < n {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            let need: Int
            var low: UInt8 = 0x80, highest: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; highest = 0x9F
            case 0xF0: need = 3; low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; highest = 0x8F
            default: return false
            }
            guard i + need < n else { return false }
            let second = p[i + 1]
            guard second >= low && second <= highest else { return false }
            var k = 2
            while k <= need {
                guard p[i + k] & 0xC0 == 0x80 else { return false }
                k += 1
            }
            i += need + 1
        }
        return true
    }
}
