#if canImport(Glibc)
import Glibc
#endif

/// The regular expression of `matches(text, "pattern")`: POSIX extended syntax (glibc
/// regcomp), compiled when the rubric loads; a match anywhere in the text counts.
///
/// glibc's regexec locks the compiled pattern, so threads sharing one copy take turns: the
/// pattern is compiled a few times and each thread uses the copy its id picks.
final class RulePattern: @unchecked Sendable {
    private static let copies = 4
    struct Invalid: Error { var detail: String }

    /// Heap storage, so that threads sharing the pattern never take an inout access to a
    /// stored property.
    private let compiled: UnsafeMutablePointer<regex_t>

    init(_ pattern: String) throws(Invalid) {
        let storage = UnsafeMutablePointer<regex_t>.allocate(capacity: Self.copies)
        storage.initialize(repeating: regex_t(), count: Self.copies)
        for i in 0..<Self.copies {
            let rc = regcomp(storage + i, pattern, REG_EXTENDED | REG_NOSUB)
            if rc != 0 {
                var buffer = [CChar](repeating: 0, count: 256)
                regerror(rc, storage + i, &buffer, buffer.count)
                for j in 0..<i { regfree(storage + j) }
                storage.deallocate()
                throw Invalid(detail: String(cString: buffer))
            }
        }
        compiled = storage
    }

    deinit {
        for i in 0..<Self.copies { regfree(compiled + i) }
        compiled.deallocate()
    }

    func matches(_ text: String) -> Bool {
        let copy = Int(truncatingIfNeeded: UInt(bitPattern: Int(pthread_self())) >> 12) % Self.copies
        return regexec(compiled + copy, text, 0, nil, 0) == 0
    }
}
