#if canImport(Glibc)
import Glibc
#endif
import PingchaModel

/// The regular expression of `matches(text, "pattern")`: POSIX extended syntax (glibc
/// regcomp), compiled when the rubric loads; a match anywhere in the text counts.
///
/// glibc's regexec locks the compiled pattern, so threads sharing one copy take turns: the
/// pattern is compiled a few times and each thread uses the copy its id picks.
///
/// The texts a pattern reads repeat (a department cites the same 处罚依据 in case after case),
/// and glibc's matcher walks Chinese text one multibyte character at a time: each copy
/// remembers its answers for the texts it has seen, a bounded table per copy, under a lock of
/// its own (held across regexec too, which then never waits on glibc's).
final class RulePattern: @unchecked Sendable {
    private static let copies = 4
    /// Answers remembered per copy; the table starts over when full.
    private static let remembered = 4096
    struct Invalid: Error { var detail: String }

    /// Heap storage, so that threads sharing the pattern never take an inout access to a
    /// stored property.
    private let compiled: UnsafeMutablePointer<regex_t>
    private let locks: UnsafeMutablePointer<pthread_mutex_t>
    private let answers: UnsafeMutablePointer<[UTF8Key: Bool]>

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
                throw Invalid(detail: Self.reason(rc, system: String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)))
            }
        }
        compiled = storage
        locks = .allocate(capacity: Self.copies)
        answers = .allocate(capacity: Self.copies)
        answers.initialize(repeating: [:], count: Self.copies)
        for i in 0..<Self.copies { pthread_mutex_init(locks + i, nil) }
    }

    /// regcomp's complaint in words a reviewer reads (glibc's are English and terse). The
    /// codes are glibc's `reg_errcode_t`, which Swift does not import by name.
    static func reason(_ code: Int32, system: String) -> String {
        switch code {
        case 2: return "写法有误（如方括号、圆括号不成对）"
        case 4: return "字符类名称无效"
        case 5: return "末尾多了一个反斜杠 \\"
        case 7: return "方括号 [ ] 不成对"
        case 8, 16: return "圆括号 ( ) 不成对"
        case 9: return "花括号 { } 不成对"
        case 10: return "花括号 { } 里的次数无效"
        case 11: return "方括号里的字符范围无效"
        case 13: return "*、+、? 或 { } 前面没有可以重复的内容"
        default: return "无法解析（\(system)）"
        }
    }

    deinit {
        for i in 0..<Self.copies {
            regfree(compiled + i)
            pthread_mutex_destroy(locks + i)
        }
        compiled.deallocate()
        locks.deallocate()
        answers.deinitialize(count: Self.copies)
        answers.deallocate()
    }

    func matches(_ text: String) -> Bool {
        let copy = Int(truncatingIfNeeded: UInt(bitPattern: Int(pthread_self())) >> 12) % Self.copies
        let key = UTF8Key(text)
        pthread_mutex_lock(locks + copy)
        defer { pthread_mutex_unlock(locks + copy) }
        if let known = answers[copy][key] { return known }
        let found = regexec(compiled + copy, text, 0, nil, 0) == 0
        if answers[copy].count >= Self.remembered { answers[copy].removeAll(keepingCapacity: true) }
        answers[copy][key] = found
        return found
    }
}

