#if canImport(Glibc)
import Glibc
#endif

/// The regular expression of `matches(text, "pattern")`: POSIX extended syntax (glibc
/// regcomp), compiled once when the rubric loads; a match anywhere in the text counts.
final class RulePattern: @unchecked Sendable {
    struct Invalid: Error { var detail: String }

    /// Heap storage, so that threads sharing the pattern never take an inout access to a
    /// stored property.
    private let compiled: UnsafeMutablePointer<regex_t>

    init(_ pattern: String) throws(Invalid) {
        let storage = UnsafeMutablePointer<regex_t>.allocate(capacity: 1)
        storage.initialize(to: regex_t())
        let rc = regcomp(storage, pattern, REG_EXTENDED | REG_NOSUB)
        if rc != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            regerror(rc, storage, &buffer, buffer.count)
            storage.deallocate()
            throw Invalid(detail: String(cString: buffer))
        }
        compiled = storage
    }

    deinit {
        regfree(compiled)
        compiled.deallocate()
    }

    func matches(_ text: String) -> Bool {
        // regexec is reentrant on a compiled pattern, so workers can share it.
        regexec(compiled, text, 0, nil, 0) == 0
    }
}
