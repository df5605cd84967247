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
}
