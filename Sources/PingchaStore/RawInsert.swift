internal import GRDB
internal import GRDBSQLite

/// A prepared INSERT bound through SQLite's C API: binding through GRDB's
/// `StatementArguments` halves the insert rate (toolchain notes), and a run inserts millions
/// of rows.
final class RawInsert {
    private let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }
    private var index: Int32 = 0
    private let path: String

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        path = db.configuration.label ?? "数据库"
    }

    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func text(_ value: String?) -> RawInsert {
        index += 1
        guard var v = value else { sqlite3_bind_null(handle, index); return self }
        v.withUTF8 { buf in
            _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(buf.baseAddress!).assumingMemoryBound(to: CChar.self),
                                  Int32(buf.count), Self.transient)
        }
        return self
    }

    func blob(_ value: [UInt8]) -> RawInsert {
        index += 1
        value.withUnsafeBufferPointer { buf in
            _ = sqlite3_bind_blob(handle, index, buf.baseAddress, Int32(buf.count), Self.transient)
        }
        return self
    }

    /// Binds a text of `base` without copying: `base` must stay as it is until ``run()``.
    func text(_ span: CaseRows.Span, in base: UnsafeBufferPointer<UInt8>) -> RawInsert {
        index += 1
        if span.count < 0 {
            sqlite3_bind_null(handle, index)
        } else if span.count == 0 {
            sqlite3_bind_text(handle, index, "", 0, nil)  // a static empty text, not NULL
        } else {
            _ = (base.baseAddress! + Int(span.start)).withMemoryRebound(to: CChar.self, capacity: Int(span.count)) {
                sqlite3_bind_text(handle, index, $0, span.count, nil)
            }
        }
        return self
    }

    /// Binds a blob of `base` without copying (see ``text(_:in:)``).
    func blob(_ span: CaseRows.Span, in base: UnsafeBufferPointer<UInt8>) -> RawInsert {
        index += 1
        if span.count <= 0 {
            sqlite3_bind_zeroblob(handle, index, 0)
        } else {
            sqlite3_bind_blob(handle, index, base.baseAddress! + Int(span.start), span.count, nil)
        }
        return self
    }

    func int(_ value: Int?) -> RawInsert {
        index += 1
        if let v = value { sqlite3_bind_int64(handle, index, Int64(v)) } else { sqlite3_bind_null(handle, index) }
        return self
    }

    func bool(_ value: Bool?) -> RawInsert { int(value.map { $0 ? 1 : 0 }) }

    func double(_ value: Double?) -> RawInsert {
        index += 1
        if let v = value { sqlite3_bind_double(handle, index, v) } else { sqlite3_bind_null(handle, index) }
        return self
    }

    /// Runs the insert with the values bound since the last run.
    func run() throws {
        index = 0
        let rc = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard rc == SQLITE_DONE else {
            throw StoreError.sqlite(path: path, detail: String(cString: sqlite3_errstr(rc)))
        }
    }
}
