import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A failed system call's `errno` in Chinese, for messages read by people who never see C:
/// the common causes by name, anything else with the system's own words in brackets.
public enum SystemErrorText {
    public static func text(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "文件或文件夹不存在"
        case EACCES, EPERM: return "没有权限"
        case ENOSPC: return "磁盘空间不足"
        case EDQUOT: return "超出磁盘配额"
        case EISDIR: return "这是一个文件夹，不是文件"
        case ENOTDIR: return "路径中的某一级不是文件夹"
        case EROFS: return "所在的磁盘只能读取，不能写入"
        case EEXIST: return "已经存在"
        case EMFILE, ENFILE: return "同时打开的文件过多"
        case EFBIG: return "文件过大"
        case ENAMETOOLONG: return "文件名过长"
        case EIO: return "磁盘读写错误"
        case EPIPE: return "接收输出的程序已经退出"
        default: return "系统错误（\(String(cString: strerror(code)))）"
        }
    }

    /// The current `errno`.
    public static var current: String { text(errno) }

    /// A Foundation file error in the same words: the `errno` it carries (a `CocoaError`
    /// keeps it as its underlying error), else its own description.
    public static func text(of error: Error) -> String {
        if let posix = error as? POSIXError { return text(posix.code.rawValue) }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return text(Int32(truncatingIfNeeded: ns.code)) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return text(Int32(truncatingIfNeeded: underlying.code))
        }
        // Without one (Foundation on Linux gives none for some failures), by its code.
        if ns.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileWriteOutOfSpace: return text(ENOSPC)
            case .fileWriteNoPermission, .fileReadNoPermission: return text(EACCES)
            case .fileWriteVolumeReadOnly: return text(EROFS)
            case .fileNoSuchFile, .fileReadNoSuchFile: return text(ENOENT)
            case .fileWriteFileExists: return text(EEXIST)
            case .fileWriteInvalidFileName, .fileReadInvalidFileName: return "文件名无效"
            default: return "系统未给出原因（请检查路径中的文件夹是否存在、是否有写入权限、磁盘是否已满）"
            }
        }
        return ns.localizedDescription
    }
}
