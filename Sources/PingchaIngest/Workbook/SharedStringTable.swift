#if canImport(Glibc)
import Glibc
#endif
import PingchaModel

/// The workbook's shared strings (`xl/sharedStrings.xml`), which cells of type `s` name by
/// index. Excel writes every text cell this way, so a large export has a large table.
///
/// Kept as UTF-8 bytes in one arena with the end offset of each string, never as Strings.
/// Past ``memoryLimit`` bytes the table moves to an unlinked temporary file that is mapped
/// read-only: its pages belong to the page cache, which the kernel can drop and re-read, so
/// the process's own memory stays bounded whatever the size of the table.
final class SharedStringTable {
    /// In-memory bytes (strings plus offsets) before the table spills to a file.
    static let memoryLimit = 64 << 20

    private let memoryLimit: Int
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    // The spilled form: strings and offsets appended to temporary files, mapped by `finish`.
    private var spill: (strings: Int32, offsets: Int32)?
    private var spilledBytes = 0
    private var spilledCount = 0
    private var mappedStrings: UnsafeRawBufferPointer?
    private var mappedOffsets: UnsafeBufferPointer<Int>?
    private(set) var failure: String?

    init(memoryLimit: Int = SharedStringTable.memoryLimit) { self.memoryLimit = memoryLimit }

    deinit {
        if let owned {
            owned.0.deallocate()
            owned.1.deallocate()
        } else if spill != nil {
            if let m = mappedStrings, m.count > 0 { munmap(UnsafeMutableRawPointer(mutating: m.baseAddress!), m.count) }
            if let m = mappedOffsets, m.count > 0 { munmap(UnsafeMutableRawPointer(mutating: m.baseAddress!), m.count * 8) }
        }
        if let spill { close(spill.strings); close(spill.offsets) }
    }

    var stringCount: Int { mappedOffsets?.count ?? (spill == nil ? ends.count : spilledCount) }
    var isSpilled: Bool { spill != nil }

    /// Adds the next string's bytes (called once per `<si>`, with all its text runs joined).
    func append(_ string: UnsafeBufferPointer<UInt8>) {
        if spill == nil {
            bytes.append(contentsOf: string)
            ends.append(bytes.count)
            if bytes.count + ends.count * 8 > memoryLimit { moveToFile() }
            return
        }
        write(spill!.strings, UnsafeRawBufferPointer(string))
        spilledBytes += string.count
        spilledCount += 1
        var end = spilledBytes
        withUnsafeBytes(of: &end) { write(spill!.offsets, $0) }
    }

    /// The bytes of string `index`, or nil when the index is out of range (a damaged file).
    /// Valid once ``finish()`` was called.
    func bytes(at index: Int) -> UnsafeBufferPointer<UInt8>? {
        guard let strings = mappedStrings, let offsets = mappedOffsets, index >= 0 && index < offsets.count else { return nil }
        let start = index == 0 ? 0 : offsets[index - 1]
        let base = strings.baseAddress!.assumingMemoryBound(to: UInt8.self)
        return UnsafeBufferPointer(start: base + start, count: offsets[index] - start)
    }

    /// The strings and their end offsets, for a reader that looks up every cell without going
    /// through the table object; valid once ``finish()`` was called, while the table lives.
    var storage: (strings: UnsafePointer<UInt8>, ends: UnsafeBufferPointer<Int>)? {
        guard let strings = mappedStrings, let offsets = mappedOffsets, let base = strings.baseAddress else { return nil }
        return (base.assumingMemoryBound(to: UInt8.self), offsets)
    }

    /// Ends appending: the table becomes readable, in memory (moved to fixed storage) or
    /// mapped from its files.
    func finish() {
        guard let spill else {
            let strings = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
            bytes.withUnsafeBytes { strings.copyMemory(from: $0) }
            let offsets = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(ends.count, 1))
            _ = offsets.initialize(from: ends)
            owned = (strings, offsets)
            mappedStrings = UnsafeRawBufferPointer(strings)
            mappedOffsets = UnsafeBufferPointer(rebasing: offsets[0..<ends.count])
            bytes = []
            ends = []
            return
        }
        pendingFlush()
        mappedStrings = map(spill.strings, byteCount: spilledBytes).map { UnsafeRawBufferPointer($0) }
        mappedOffsets = map(spill.offsets, byteCount: spilledCount * 8).map {
            UnsafeBufferPointer(start: $0.baseAddress!.assumingMemoryBound(to: Int.self), count: spilledCount)
        }
    }

    /// The in-memory table's fixed storage, freed with the table.
    private var owned: (UnsafeMutableRawBufferPointer, UnsafeMutableBufferPointer<Int>)?

    // MARK: spilling

    private var buffers: [Int32: [UInt8]] = [:]

    private func moveToFile() {
        guard let strings = temporaryFile(), let offsets = temporaryFile() else {
            failure = "无法建立临时文件"
            return
        }
        spill = (strings, offsets)
        bytes.withUnsafeBytes { write(strings, $0) }
        ends.withUnsafeBytes { write(offsets, $0) }
        spilledBytes = bytes.count
        spilledCount = ends.count
        bytes = []
        ends = []
    }

    private func temporaryFile() -> Int32? {
        var template = Array((TemporaryFolder.path + "/pingcha-sst-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return fd
    }

    /// Buffered appends: strings are small, and a syscall each would dominate.
    private func write(_ fd: Int32, _ data: UnsafeRawBufferPointer) {
        buffers[fd, default: []].append(contentsOf: data)
        if buffers[fd]!.count >= 1 << 20 { flush(fd) }
    }

    private func flush(_ fd: Int32) {
        guard let pending = buffers[fd], !pending.isEmpty else { return }
        pending.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; failure = SystemErrorText.current; return }
                offset += n
            }
        }
        buffers[fd] = []
    }

    private func pendingFlush() {
        for fd in Array(buffers.keys) { flush(fd) }
    }

    private func map(_ fd: Int32, byteCount: Int) -> UnsafeMutableRawBufferPointer? {
        guard byteCount > 0 else { return UnsafeMutableRawBufferPointer(start: UnsafeMutableRawPointer(bitPattern: 8), count: 0) }
        guard let p = mmap(nil, byteCount, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
            failure = SystemErrorText.current
            return nil
        }
        return UnsafeMutableRawBufferPointer(start: p, count: byteCount)
    }
}

/// Where temporary files go: `$TMPDIR`, else `/tmp`.
enum TemporaryFolder {
    static var path: String {
        if let dir = getenv("TMPDIR").map({ String(cString: $0) }), !dir.isEmpty { return dir }
        return "/tmp"
    }
}

/// `xl/sharedStrings.xml` into a ``SharedStringTable``: the text of each `<si>`, rich-text
/// runs joined, phonetic guides (`<rPh>`, furigana) left out.
final class SharedStringsPartReader: XMLEventHandler {
    let table: SharedStringTable
    private var current: [UInt8] = []
    private var inText = false
    private var phoneticDepth = 0

    init(table: SharedStringTable) { self.table = table }

    func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("t") { inText = phoneticDepth == 0 }
        else if name.is("rPh") { phoneticDepth += 1 }
        else if name.is("si") { current.removeAll(keepingCapacity: true) }
    }

    func end(_ name: XMLName) {
        if name.is("t") { inText = false }
        else if name.is("rPh") { phoneticDepth -= 1 }
        else if name.is("si") { current.withUnsafeBufferPointer { table.append($0) } }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if inText { current.append(contentsOf: bytes) }
    }
}
