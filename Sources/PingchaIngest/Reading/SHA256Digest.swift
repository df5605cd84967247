import COpenSSL

/// SHA-256 (OpenSSL's libcrypto, hardware-accelerated where the CPU allows): every stored
/// batch records the digests of its inputs and rubrics, so that a published figure can be
/// traced to the exact files that produced it.
public final class SHA256Digest {
    private let context: OpaquePointer

    public init() {
        context = EVP_MD_CTX_new()
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
    }

    deinit { EVP_MD_CTX_free(context) }

    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        EVP_DigestUpdate(context, base, bytes.count)
    }

    public func update(_ text: String) {
        var t = text
        t.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// The digest as 64 lowercase hex digits. The digest cannot be updated afterwards.
    public func finish() -> String {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &out, &length)
        let hex: [Character] = Array("0123456789abcdef")
        var s = ""
        s.reserveCapacity(64)
        for b in out.prefix(Int(length)) {
            s.append(hex[Int(b >> 4)])
            s.append(hex[Int(b & 15)])
        }
        return s
    }

    /// The SHA-256 of a whole file, read in blocks (workbooks are read part by part, not front
    /// to back, so their digest is taken apart from the reading).
    static func hex(of file: ChunkedFile) -> String {
        let digest = SHA256Digest()
        file.forEachBlock(in: 0..<file.size) { digest.update($0) }
        return digest.finish()
    }

    public static func hex(of text: String) -> String {
        let d = SHA256Digest()
        d.update(text)
        return d.finish()
    }
}
