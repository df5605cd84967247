import PingchaModel
#if canImport(Glibc)
import Glibc
#endif

/// Buffers large outputs (a million JSON lines) into few write(2) calls.
///
/// A write that fails (the disk is full, the program reading a pipe has exited) is kept, not
/// ignored: nothing more is written, and ``check()`` turns it into the command's error, so a
/// run whose results were cut short never ends as if it had written them all.
final class BufferedOutput {
    private let fd: Int32
    /// What `fd` is, as a message names it.
    private let name: String
    private var buffer: [UInt8] = []
    /// `errno` of the first write or read that failed, and what it was writing to.
    private(set) var failure: (code: Int32, target: String)?

    init(fd: Int32, name: String = "标准输出") {
        self.fd = fd
        self.name = name
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { flush() }
    }

    func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        buffer.withUnsafeBytes { writeAll(fd, named: name, $0) }
    }

    /// Copies everything written to this (file) descriptor so far to standard output.
    func copyToStandardOutput() {
        let target: Int32 = 1
        flush()
        guard failure == nil else { return }
        lseek(fd, 0, SEEK_SET)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while failure == nil {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { failure = (errno, name) }
            if n <= 0 { return }
            chunk.withUnsafeBytes { writeAll(target, named: "标准输出", UnsafeRawBufferPointer(rebasing: $0[..<n])) }
        }
    }

    /// The failed write as the command's error: the results are incomplete.
    func check() throws(PingchaError) {
        guard let failure else { return }
        throw .unwritable(failure.target, detail: "\(SystemErrorText.text(failure.code))，输出的结果不完整；请处理后重新运行")
    }

    private func writeAll(_ target: Int32, named targetName: String, _ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(target, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 && errno == EINTR { continue }
            // write(2) returns 0 only for a count of 0; treat it as the failure it would loop on.
            guard n > 0 else { failure = (n < 0 ? errno : EIO, targetName); return }
            offset += n
        }
    }
}
