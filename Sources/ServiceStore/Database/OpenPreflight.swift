import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks done before SQLite is allowed to touch a file, so that a wrong path or a damaged file is
/// refused with a clear message instead of being "repaired" (converted to WAL, migrated) by accident.
enum OpenPreflight {
    static let sqliteHeader: [UInt8] = Array("SQLite format 3\u{0}".utf8)

    /// Creates the folder (0700) and an empty file (0600) when missing (0770/0660 inside a shared folder).
    /// Returns true when a non-empty file was already there.
    static func prepare(path: String) throws -> Bool {
        let fm = FileManager.default
        let directory = (path as NSString).deletingLastPathComponent.isEmpty
            ? "." : (path as NSString).deletingLastPathComponent

        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw StoreError.cannotCreate(path: directory, detail: "not a folder")
            }
        } else {
            try FileModes.createFolder(directory)
        }
        // WAL needs to create the -wal and -shm files next to the database.
        guard access(directory, W_OK | X_OK) == 0 else { throw StoreError.readOnly(path: directory) }

        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw StoreError.notSQLite(path: path) }
            guard access(path, R_OK | W_OK) == 0 else { throw StoreError.readOnly(path: path) }
            // root passes access() on a 0444 file; a file nobody may write is read-only for root too.
            let mode = ((try? fm.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)??.intValue) ?? 0o600
            guard mode & 0o222 != 0 else { throw StoreError.readOnly(path: path) }
            let size = (try? fm.attributesOfItem(atPath: path)[.size] as? NSNumber)??.intValue ?? 0
            if size == 0 { return false }
            guard let handle = FileHandle(forReadingAtPath: path) else { throw StoreError.readOnly(path: path) }
            defer { try? handle.close() }
            let header = (try? handle.read(upToCount: sqliteHeader.count)) ?? Data()
            guard Array(header) == sqliteHeader else { throw StoreError.notSQLite(path: path) }
            return true
        }

        // 0600, or 0660 in a folder shared with the shop's group (`FileModes`): SQLite gives the WAL and
        // -shm files the database file's mode.
        guard let fd = FileModes.createFile(path) else {
            let code = errno
            if code == EACCES || code == EROFS { throw StoreError.readOnly(path: path) }
            throw StoreError.cannotCreate(path: path, detail: String(cString: strerror(code)))
        }
        close(fd)
        return false
    }

    /// For a read-only open: the file must already be there, readable, and start like an SQLite file.
    static func requireExisting(path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw StoreError.cannotReadFile(path: path, detail: "no such file / 文件不存在")
        }
        if isDirectory.boolValue { throw StoreError.notSQLite(path: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.cannotReadFile(path: path, detail: "permission denied / 无读取权限")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: sqliteHeader.count)) ?? Data()
        guard Array(header) == sqliteHeader else { throw StoreError.notSQLite(path: path) }
    }

    /// Files up to this size get a full `quick_check` on every open; it reads every page, which takes
    /// about a second per 300 MB (measured with advisor-bench), so larger shops rely on SQLite's own
    /// corruption detection as pages are read and on `advisor check`.
    static let quickCheckLimit: Int64 = 32 * 1024 * 1024

    /// Opens the existing file read-only and reads its schema (and, for a small file, runs
    /// `quick_check`): a truncated or damaged file is reported before the writer converts it to WAL or
    /// runs migrations on it.
    ///
    /// A refused file is left exactly as it was: the schema of a file from a newer version is recognised
    /// here, read-only, before the writer (which converts to WAL, and whose WAL set-up creates and drops a
    /// table) ever opens it; and the -wal / -shm files SQLite makes beside a WAL-mode file on a read are
    /// removed again when this refuses it.
    static func verifyReadable(path: String, busyTimeout: TimeInterval) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        config.label = "advisor.preflight"
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0
        let absent = ["-wal", "-shm"].filter { !FileManager.default.fileExists(atPath: path + $0) }
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            let problems = try queue.inDatabase { db in
                _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master")
                return size <= quickCheckLimit ? try String.fetchAll(db, sql: "PRAGMA quick_check(5)") : ["ok"]
            }
            if problems != ["ok"] {
                throw StoreError.corrupt(path: path, detail: problems.prefix(2).joined(separator: "; "))
            }
            if try queue.inDatabase({ try $0.tableExists("grdb_migrations") && Schema.migrator.hasBeenSuperseded($0) }) {
                throw StoreError.newerSchema(path: path)
            }
        } catch {
            for suffix in absent { unlink(path + suffix) }
            throw translate(error, path: path)
        }
    }

    /// Turns SQLite's result codes into the refusals a user can act on.
    static func translate(_ error: any Error, path: String) -> any Error {
        if error is StoreError { return error }
        guard let dbError = error as? DatabaseError else { return error }
        switch dbError.resultCode {
        case .SQLITE_NOTADB:
            return StoreError.notSQLite(path: path)
        case .SQLITE_CORRUPT:
            return StoreError.corrupt(path: path, detail: dbError.message ?? "SQLITE_CORRUPT")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError.locked(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
            // A file deleted under a running program reads as read-only or cannot-open: say what happened.
            if access(path, F_OK) != 0 { return StoreError.fileGone(path: path) }
            return StoreError.readOnly(path: path)
        case .SQLITE_FULL:
            return StoreError.diskFull(path: path)
        case .SQLITE_IOERR:
            if access(path, F_OK) != 0 { return StoreError.fileGone(path: path) }
            // A write into the WAL on a full disk comes back as "disk I/O error", not SQLITE_FULL.
            if diskIsFull(holding: path) { return StoreError.diskFull(path: path) }
            // A file system remounted read-only (or a file made read-only) fails the write as an I/O error.
            if access(path, W_OK) != 0 { return StoreError.readOnly(path: path) }
            return StoreError.ioError(path: path, detail: dbError.message ?? "SQLITE_IOERR")
        default:
            return error
        }
    }

    /// True when the file system holding `path` has no block left for this user (statvfs).
    static func diskIsFull(holding path: String) -> Bool {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else { return false }
        // A few pages of room are not enough for SQLite to finish a write either.
        return UInt64(stats.f_bavail) * UInt64(stats.f_frsize) < 64 * 1024
    }

    private static func describe(_ error: any Error) -> String {
        (error as NSError).localizedDescription
    }
}
