#if canImport(Glibc)
import Glibc
#endif
import PingchaModel

/// Reads a file front to back in fixed blocks, so memory stays the same whatever its size.
final class ChunkedFile: @unchecked Sendable {
    static let blockSize = 1 << 20

    let path: String
    let size: Int
    private let fd: Int32
    private var buffer: UnsafeMutableRawBufferPointer

    init(path: String) throws(PingchaError) {
        self.path = path
        var st = stat()
        if stat(path, &st) != 0 {
            if errno == ENOENT || errno == ENOTDIR { throw PathText.notFound(path) }
            throw .unreadable(path, detail: SystemErrorText.current)
        }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw PathText.folderNotFile(path) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadable(path, detail: SystemErrorText.current) }
        self.fd = fd
        self.size = Int(st.st_size)
        buffer = .allocate(byteCount: ChunkedFile.blockSize, alignment: 16)
        posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL)
    }

    deinit {
        close(fd)
        buffer.deallocate()
    }

    /// Calls `body` with each block of the byte range, in order, using its own buffer so
    /// that several threads can read different ranges of one file at once.
    func forEachBlock(in range: Range<Int>, _ body: (UnsafeRawBufferPointer) -> Void) {
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: ChunkedFile.blockSize, alignment: 16)
        defer { block.deallocate() }
        var offset = range.lowerBound
        while offset < range.upperBound {
            let n = pread(fd, block.baseAddress, min(block.count, range.upperBound - offset), off_t(offset))
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            body(UnsafeRawBufferPointer(rebasing: block[0..<n]))
            offset += n
        }
    }

    /// Calls `body` with each block in order; the bytes are valid only during the call.
    func forEachBlock(_ body: (UnsafeRawBufferPointer) throws(PingchaError) -> Void) throws(PingchaError) {
        if lseek(fd, 0, SEEK_SET) < 0 { throw .unreadable(path, detail: SystemErrorText.current) }
        while true {
            let n = read(fd, buffer.baseAddress, buffer.count)
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path, detail: SystemErrorText.current)
            }
            if n == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
    }
}
