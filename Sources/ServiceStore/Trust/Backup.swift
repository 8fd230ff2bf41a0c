import Foundation
import GRDB
import ServiceDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Online backups through SQLite's backup API: consistent while other terminals keep writing.
/// Files are `advisor-YYYYMMDD-HHMMSS.db` (shop time) in a `backups` folder beside the database,
/// owner-only (folder 0700, files 0600). The newest `backup.keep` files are kept.
extension AppDatabase {
    public static let backupKeepSetting = "backup.keep"
    public static let defaultBackupKeep = 14
    static let backupPrefix = "advisor-"

    /// The folder the backups go to: `backups/` beside the database file.
    public var backupDirectory: String { Self.backupDirectory(forDatabase: path) }

    public static func backupDirectory(forDatabase path: String) -> String {
        ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("backups")
    }

    /// How many backups to keep: the `backup.keep` setting (1…1000), else 14.
    public func backupKeep() -> Int {
        if let text = try? setting(key: Self.backupKeepSetting), let n = Int(text), (1...1000).contains(n) { return n }
        return Self.defaultBackupKeep
    }

    /// Writes a consistent copy of the database to `destination` (which must not exist yet). The copy is
    /// written to a temporary file in the same folder and renamed into place only when complete, so a
    /// crash or a full disk never leaves a half-written file under the final name.
    public func backup(to destination: String) throws {
        try Self.writeCopy(of: dbPool, to: destination)
    }

    /// Copies the database `source` reads into a new owner-only file at `destination`, all or nothing.
    static func writeCopy(of source: any DatabaseReader, to destination: String) throws {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: destination) else {
            throw StoreError.cannotWriteFile(path: destination, detail: "the file already exists")
        }
        let folder = (destination as NSString).deletingLastPathComponent.isEmpty
            ? "." : (destination as NSString).deletingLastPathComponent
        let temporary = (folder as NSString).appendingPathComponent(
            ".\((destination as NSString).lastPathComponent).\(getpid()).partial")
        try createOwnerOnlyFile(temporary)
        do {
            var config = Configuration()
            config.label = "advisor.backup"
            let copy = try DatabaseQueue(path: temporary, configuration: config)
            try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try source.backup(to: copy)
            try copy.writeWithoutTransaction { db in
                // The copy of a WAL database says "WAL" in its header; a backup is a plain single file.
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
            }
            try copy.close()
            try syncFile(temporary)
            guard rename(temporary, destination) == 0 else {
                throw StoreError.cannotWriteFile(path: destination, detail: String(cString: strerror(errno)))
            }
            syncFile(folder: folder)
        } catch {
            unlink(temporary)
            unlink(temporary + "-journal")
            if let storeError = error as? StoreError { throw storeError }
            throw fileError(error, path: destination)
        }
    }

    /// Makes a new dated backup in `directory` (default: `backupDirectory`) and removes the oldest
    /// beyond `keep` (default: the `backup.keep` setting). Returns the new file's path.
    @discardableResult
    public func makeBackup(now: Date, directory: String? = nil, keep: Int? = nil) throws -> String {
        let folder = directory ?? backupDirectory
        try Self.createOwnerOnlyFolder(folder)
        Self.removeAbandonedPartials(in: folder)
        let stamp = Self.backupStamp(now, timeZone: timeZone)
        var name = "\(Self.backupPrefix)\(stamp).db"
        var n = 2
        while FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(name)) {
            name = "\(Self.backupPrefix)\(stamp)-\(n).db"
            n += 1
        }
        let destination = (folder as NSString).appendingPathComponent(name)
        try backup(to: destination)
        try Self.pruneBackups(in: folder, keep: keep ?? backupKeep())
        return destination
    }

    /// The first start of each shop day makes a backup; later starts that day do nothing.
    /// Returns the new backup's path, or nil when today's backup exists already.
    @discardableResult
    public func dailyBackupIfNeeded(now: Date, directory: String? = nil) throws -> String? {
        let folder = directory ?? backupDirectory
        let today = "\(Self.backupPrefix)\(Self.backupStamp(now, timeZone: timeZone).prefix(8))"
        if Self.backups(in: folder).contains(where: { ($0 as NSString).lastPathComponent.hasPrefix(today) }) {
            return nil
        }
        return try makeBackup(now: now, directory: folder)
    }

    /// Half-written copies (`.NAME.PID.partial`, and SQLite's `.NAME.PID.partial-journal` beside them)
    /// left by a process that was killed while writing one; a copy still being written by a live process
    /// is left alone.
    static func removeAbandonedPartials(in folder: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix(".") && (name.hasSuffix(".partial") || name.hasSuffix(".partial-journal")) {
            let parts = name.dropLast(name.hasSuffix("-journal") ? "-journal".count : 0).split(separator: ".")
            guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink((folder as NSString).appendingPathComponent(name))
            }
        }
    }

    /// The backups in `folder`, oldest first (the names sort by time).
    public static func backups(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasPrefix(backupPrefix) && $0.hasSuffix(".db") }
            .sorted { a, b in backupSortKey(a) < backupSortKey(b) }
            .map { (folder as NSString).appendingPathComponent($0) }
    }

    /// Removes the oldest backups so that at most `keep` remain.
    public static func pruneBackups(in folder: String, keep: Int) throws {
        let all = backups(in: folder)
        guard all.count > keep else { return }
        for old in all.prefix(all.count - max(keep, 1)) {
            try FileManager.default.removeItem(atPath: old)
        }
    }

    /// `advisor-20261122-090000-2.db` sorts after `advisor-20261122-090000.db`.
    private static func backupSortKey(_ name: String) -> (String, Int) {
        let base = String(name.dropFirst(backupPrefix.count).dropLast(3))
        let parts = base.split(separator: "-")
        if parts.count == 3, let n = Int(parts[2]) { return ("\(parts[0])-\(parts[1])", n) }
        return (base, 1)
    }

    static func backupStamp(_ date: Date, timeZone: TimeZone) -> String { ShopTime.fileStamp(date, timeZone) }

    // MARK: - Files

    static func systemClose(_ fd: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Darwin.close(fd)
        #endif
    }

    /// `open(2)`: the name alone would mean `AppDatabase.open`.
    static func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
        #if canImport(Glibc)
        Glibc.open(path, flags, mode)
        #else
        Darwin.open(path, flags, mode)
        #endif
    }

    /// Owner-only, or the shop's group when its folder is shared (`FileModes`).
    static func createOwnerOnlyFolder(_ folder: String) throws {
        try FileModes.createFolder(folder)
    }

    /// Creates an empty file readable and writable by its owner only (whatever the umask), or by the
    /// shop's group too when the folder is shared (`FileModes`).
    static func createOwnerOnlyFile(_ path: String) throws {
        guard let fd = FileModes.createFile(path) else {
            let code = errno
            if code == EACCES || code == EROFS { throw StoreError.readOnly(path: path) }
            throw StoreError.cannotWriteFile(path: path, detail: String(cString: strerror(code)))
        }
        systemClose(fd)
    }

    static func syncFile(_ path: String) throws {
        let fd = systemOpen(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.cannotWriteFile(path: path, detail: String(cString: strerror(errno))) }
        defer { systemClose(fd) }
        guard fsync(fd) == 0 else {
            throw StoreError.cannotWriteFile(path: path, detail: String(cString: strerror(errno)))
        }
    }

    static func syncFile(folder: String) {
        let fd = systemOpen(folder, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        systemClose(fd)
    }

    /// Disk full and read-only get their own sentences; anything else names SQLite's reason.
    static func fileError(_ error: any Error, path: String) -> StoreError {
        if let dbError = error as? DatabaseError {
            switch dbError.resultCode {
            case .SQLITE_FULL:
                return .cannotWriteFile(path: path, detail: "disk full / 磁盘已满")
            case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
                return .readOnly(path: path)
            default:
                return .cannotWriteFile(path: path, detail: dbError.message ?? "\(dbError.resultCode)")
            }
        }
        return .cannotWriteFile(path: path, detail: (error as NSError).localizedDescription)
    }
}
