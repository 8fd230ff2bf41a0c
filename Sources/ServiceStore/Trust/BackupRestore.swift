import Foundation
import GRDB
import ServiceDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `restore` did, for the message to the admin.
public struct RestoreReport: Sendable, Equatable {
    /// Where the database that was replaced now lives (nil when there was none).
    public let keptAside: String?
    /// True when the replaced database could still be opened and the restore went through SQLite
    /// (other terminals then see the restored data on their next refresh).
    public let restoredOnline: Bool
}

extension AppDatabase {
    /// Checks that `file` is a sound Advisor database this program can open: an SQLite file whose
    /// `integrity_check` is ok, holding the shop's tables, not written by a newer version.
    public static func verifyBackup(_ file: String) throws {
        let path = (file as NSString).expandingTildeInPath
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.cannotReadFile(path: path, detail: FileManager.default.fileExists(atPath: path)
                ? "permission denied / 无读取权限" : "no such file / 文件不存在")
        }
        let header = (try? handle.read(upToCount: OpenPreflight.sqliteHeader.count)) ?? Data()
        try? handle.close()
        guard Array(header) == OpenPreflight.sqliteHeader else { throw StoreError.notSQLite(path: path) }
        var config = Configuration()
        config.readonly = true
        config.label = "advisor.restore.check"
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            try queue.read { db in
                let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check(5)")
                guard problems == ["ok"] else {
                    throw StoreError.corrupt(path: path, detail: problems.prefix(2).joined(separator: "; "))
                }
                guard try db.tableExists("staff"), try db.tableExists("repair_order"),
                      try db.tableExists("grdb_migrations") else {
                    throw StoreError.notAllowed(Message(
                        zh: "\(path) 是 SQLite 文件，但不是本系统的数据库备份，未做任何改动",
                        en: "\(path) is an SQLite file but not an Advisor database backup; nothing was changed"))
                }
                if try Schema.migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path: path) }
            }
        } catch {
            throw OpenPreflight.translate(error, path: path)
        }
    }

    /// Replaces the database at `path` with the backup `file`, after checking the backup. The database
    /// being replaced is first copied (or, when it cannot be opened, moved) to
    /// `<path>.before-restore-YYYYMMDD-HHMMSS` so that nothing is lost. The restore itself goes through
    /// the backup API into the open database (one transaction), then the schema is brought up to date.
    ///
    /// The shop's lock is taken exclusively first (`ShopLock`): while any console, import or command
    /// has the shop open the restore is refused with how many, so no process can go on writing into a
    /// file that was replaced or renamed under it, and an acknowledged write is always in the restored
    /// file's predecessor kept aside. A live file that cannot be opened is moved aside only when
    /// `replaceUnopenable` is set (the caller decides who may; see `RestoreCommand`).
    public static func restore(backup file: String, into path: String, operator op: Operator, now: Date,
                               timeZone: TimeZone = .current, replaceUnopenable: Bool = false) throws -> RestoreReport {
        let source = (file as NSString).expandingTildeInPath
        let target = (path as NSString).expandingTildeInPath
        try verifyBackup(source)
        let folder = (target as NSString).deletingLastPathComponent.isEmpty
            ? "." : (target as NSString).deletingLastPathComponent
        try FileModes.createFolder(folder)
        let shop = try ShopLock.exclusive(database: target)
        defer { shop.release() }

        var config = Configuration()
        config.readonly = true
        config.label = "advisor.restore.source"
        let backupQueue = try DatabaseQueue(path: source, configuration: config)
        defer { try? backupQueue.close() }

        var aside = "\(target).before-restore-\(backupStamp(now, timeZone: timeZone))"
        var n = 2
        while FileManager.default.fileExists(atPath: aside) {
            aside = "\(target).before-restore-\(backupStamp(now, timeZone: timeZone))-\(n)"
            n += 1
        }
        let exists = FileManager.default.fileExists(atPath: target)
            && ((try? FileManager.default.attributesOfItem(atPath: target)[.size] as? NSNumber)??.intValue ?? 0) > 0

        if exists {
            var openFailure: (any Error)?
            do {
                let live = try AppDatabase.open(path: target, timeZone: timeZone, busyTimeout: busyTimeout,
                                                joinShop: false)
                defer { try? live.close() }
                try live.backup(to: aside)
                do {
                    try backupQueue.backup(to: live.dbPool)
                    try Schema.migrator.migrate(live.dbPool)
                } catch {
                    throw fileError(error, path: target)
                }
                try live.recordRestore(from: source, operator: op, now: now)
                return RestoreReport(keptAside: aside, restoredOnline: true)
            } catch let error as StoreError {
                switch error {
                case .notSQLite, .corrupt, .newerSchema: openFailure = error
                default: throw error
                }
            }
            guard replaceUnopenable else { throw openFailure! }
        }

        // The current file cannot be opened (damaged, not SQLite) or is missing: move it aside whole
        // and put a fresh copy of the backup in its place. Nobody has it open: the lock says so.
        var keptAside: String?
        if FileManager.default.fileExists(atPath: target) {
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: target + suffix) {
                guard rename(target + suffix, aside + suffix) == 0 else {
                    throw StoreError.cannotWriteFile(path: target + suffix, detail: String(cString: strerror(errno)))
                }
            }
            keptAside = aside
        }
        try writeCopy(of: backupQueue, to: target)
        let restored = try AppDatabase.open(path: target, timeZone: timeZone, busyTimeout: busyTimeout, joinShop: false)
        defer { try? restored.close() }
        try restored.recordRestore(from: source, operator: op, now: now)
        return RestoreReport(keptAside: keptAside, restoredOnline: false)
    }

    func recordRestore(from source: String, operator op: Operator, now: Date) throws {
        try write { db in
            try Audit.append(db, operator: op, at: now, action: "restore", entity: "database", entityID: nil,
                             detail: ["from": .string((source as NSString).lastPathComponent)])
        }
    }
}
